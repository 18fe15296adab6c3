// Clean: rung through an alias inside try, the status read through the field in finally and returned to the caller.
using DoorbellGuard;

public sealed class RawAliasQueue
{
    private readonly Doorbell _doorbell;

    public RawAliasQueue(Doorbell doorbell) => _doorbell = doorbell;

    public DoorbellStatus Kick(ulong tail)
    {
        var doorbell = _doorbell;
        DoorbellStatus status;
        try
        {
            doorbell.Ring(tail);
        }
        finally
        {
            status = _doorbell.ReadStatus();
        }

        return status;
    }
}

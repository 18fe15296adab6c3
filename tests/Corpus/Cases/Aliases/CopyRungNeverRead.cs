// The field is copied into a local and rung through the copy; neither name reads the status: DBL001 at the ring.
using DoorbellGuard;

public sealed class CopyQueue
{
    private readonly Doorbell _doorbell;

    public CopyQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Kick(ulong tail)
    {
        var doorbell = _doorbell;
        {|DBL001:doorbell.Ring(tail)|};
    }
}

// Rung through a local copy, read and reconnected through the field (one doorbell, two names); ConnectedNotify is never answered: DBL003.
using DoorbellGuard;

public sealed class ShaderQueue
{
    private readonly Doorbell _doorbell;

    public ShaderQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Dispatch(ulong tail)
    {
        var doorbell = _doorbell;
        DoorbellStatus status;
        do
        {
            {|DBL003:doorbell.Ring(tail)|};
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("shader queue lost");
    }
}

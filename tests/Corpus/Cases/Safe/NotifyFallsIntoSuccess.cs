// Retry and abort are handled by an if chain, ConnectedNotify falls through to 'return true' unnotified: DBL003.
using DoorbellGuard;

public sealed class CopyQueue
{
    private readonly Doorbell _doorbell;

    public CopyQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Flush(ulong tail)
    {
        {|DBL003:_doorbell.Ring(tail)|};
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            return Flush(tail);
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("copy engine lost");
        return true;
    }
}

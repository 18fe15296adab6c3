// A private helper rings, reads the status and keeps it, and never notifies: DBL003 at its own ring; its callers, which have no status to handle, stay silent.
using DoorbellGuard;

public sealed class CopyEngineQueue
{
    private readonly Doorbell _doorbell;
    private ulong _tail;

    public CopyEngineQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Copy(ulong bytes)
    {
        _tail += bytes;
        Publish();
    }

    public void Fill(ulong bytes)
    {
        _tail += bytes;
        Publish();
    }

    private void Publish()
    {
        {|DBL003:_doorbell.Ring(_tail)|};
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("copy engine lost");
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.RingAndConfirm(_tail);
        }
    }
}

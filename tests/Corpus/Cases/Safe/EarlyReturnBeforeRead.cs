// A fast path returns between the ring and the status read: DBL001 for that path, the other path is complete.
using DoorbellGuard;

public sealed class FrameSubmitter
{
    private readonly Doorbell _doorbell;
    private ulong _tail;

    public FrameSubmitter(Doorbell doorbell) => _doorbell = doorbell;

    public bool Present(int commandBytes, bool skipConfirmation)
    {
        _tail += (ulong)commandBytes;
        {|DBL001:_doorbell.Ring(_tail)|};
        if (skipConfirmation)
            return true;

        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.Ring(_tail);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

// Clean: a helper rings and returns its read; the caller loops on retry through it, separates the abort and notifies.
using DoorbellGuard;

public sealed class UploadQueue
{
    private readonly Doorbell _doorbell;

    public UploadQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Upload(ulong tail)
    {
        var status = RingAndRead(tail);
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            status = RingAndRead(tail);
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return true;
    }

    private DoorbellStatus RingAndRead(ulong tail)
    {
        _doorbell.Ring(tail);
        return _doorbell.ReadStatus();
    }
}

// Clean: the status is read through a private property of the queue (`Status => _doorbell.ReadStatus()`), followed like a helper; every status is answered.
using DoorbellGuard;

public sealed class PresentQueue
{
    private readonly Doorbell _doorbell;

    public PresentQueue(Doorbell doorbell) => _doorbell = doorbell;

    private DoorbellStatus Status => _doorbell.ReadStatus();

    public void Present(ulong tail)
    {
        _doorbell.Ring(tail);
        var status = Status;
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.Ring(tail);
            status = Status;
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("present queue lost");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }
}

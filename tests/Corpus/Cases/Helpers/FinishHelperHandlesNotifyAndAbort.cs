// Clean: the retry loop hands its final status to a private Finish helper that throws on abort and notifies.
using DoorbellGuard;

public sealed class VertexStreamer
{
    private readonly Doorbell _doorbell;

    public VertexStreamer(Doorbell doorbell) => _doorbell = doorbell;

    public void Stream(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            _doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        Finish(status);
    }

    private void Finish(DoorbellStatus status)
    {
        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("vertex streaming queue lost");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }
}

// Clean: rung through a local copy, read, reconnected, notified through the field: one doorbell, every status answered.
using DoorbellGuard;

public sealed class RasterQueue
{
    private readonly Doorbell _doorbell;

    public RasterQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Draw(ulong tail)
    {
        var doorbell = _doorbell;
        DoorbellStatus status;
        do
        {
            doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("raster queue lost");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }
}

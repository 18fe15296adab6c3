// The notify is done for the first ring only; the re-ring of the retry loop may read ConnectedNotify too: DBL003 at the re-ring.
using DoorbellGuard;

public sealed class VideoDecodeQueue
{
    private readonly Doorbell _doorbell;

    public VideoDecodeQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Decode(ulong tail)
    {
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            {|DBL003:_doorbell.Ring(tail)|};
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("decode engine lost");
    }
}

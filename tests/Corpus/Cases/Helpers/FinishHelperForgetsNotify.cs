// The loop hands its final status to a private Finish helper that separates the abort but never notifies: DBL003 at the ring.
using DoorbellGuard;

public sealed class TextureStreamer
{
    private readonly Doorbell _doorbell;

    public TextureStreamer(Doorbell doorbell) => _doorbell = doorbell;

    public void Stream(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            {|DBL003:_doorbell.Ring(tail)|};
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
            throw new DoorbellAbortedException("texture streaming queue lost");
    }
}

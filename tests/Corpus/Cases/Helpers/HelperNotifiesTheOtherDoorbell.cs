// A private helper notifies the doorbell it is given, but the caller hands it the compute doorbell after ringing graphics: DBL003 at the graphics ring.
using DoorbellGuard;

public sealed class FrameQueues
{
    private readonly Doorbell _graphics;
    private readonly Doorbell _compute;

    public FrameQueues(Doorbell graphics, Doorbell compute)
    {
        _graphics = graphics;
        _compute = compute;
    }

    public bool SubmitGraphics(ulong tail)
    {
        {|DBL003:_graphics.Ring(tail)|};
        var status = _graphics.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _graphics.Connect();
            return SubmitGraphics(tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            Tell(_compute);
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private static void Tell(Doorbell doorbell) => doorbell.NotifyWorkSubmission();
}

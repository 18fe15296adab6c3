// Clean: graphics goes through RingAndConfirm, compute through the explicit loop; each doorbell's own status is handled.
using DoorbellGuard;

public sealed class FrameGraph
{
    private readonly Doorbell _graphics;
    private readonly Doorbell _compute;

    public FrameGraph(Doorbell graphics, Doorbell compute)
    {
        _graphics = graphics;
        _compute = compute;
    }

    public bool Execute(ulong graphicsTail, ulong computeTail)
    {
        _graphics.RingAndConfirm(graphicsTail);

        DoorbellStatus status;
        do
        {
            _compute.Ring(computeTail);
            status = _compute.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _compute.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            _compute.NotifyWorkSubmission();
        return true;
    }
}

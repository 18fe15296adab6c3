// Clean: one local names the graphics doorbell, then is reassigned to the compute one; each gets the whole protocol while it holds it.
using DoorbellGuard;

public sealed class SequentialQueues
{
    private readonly Doorbell _graphics;
    private readonly Doorbell _compute;

    public SequentialQueues(Doorbell graphics, Doorbell compute)
    {
        _graphics = graphics;
        _compute = compute;
    }

    public void Submit(ulong graphicsTail, ulong computeTail)
    {
        var doorbell = _graphics;
        doorbell.RingAndConfirm(graphicsTail);
        doorbell = _compute;
        doorbell.Ring(computeTail);
        var status = doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            doorbell.Ring(computeTail);
            status = doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("compute queue lost");
        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
    }
}

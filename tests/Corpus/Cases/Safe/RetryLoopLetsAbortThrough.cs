// The documented retry loop and the notify are there, but the loop exits on DisconnectedAbort and the method counts the frame as submitted: DBL004.
using DoorbellGuard;

public sealed class SwapChainQueue
{
    private readonly Doorbell _doorbell;
    private int _framesSubmitted;

    public SwapChainQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void SubmitFrame(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            {|DBL004:_doorbell.Ring(tail)|};
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        _framesSubmitted++;
    }

    public int FramesSubmitted => _framesSubmitted;
}

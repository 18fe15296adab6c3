// The status goes to a private handler that notifies and logs but lets DisconnectedAbort pass as done: DBL004 at the ring.
using System.Diagnostics;
using DoorbellGuard;

public sealed class AudioDspQueue
{
    private readonly Doorbell _doorbell;

    public AudioDspQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Submit(ulong tail)
    {
        {|DBL004:_doorbell.Ring(tail)|};
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            {|DBL004:_doorbell.Ring(tail)|};
            status = _doorbell.ReadStatus();
        }

        Handle(status);
    }

    private void Handle(DoorbellStatus status)
    {
        switch (status)
        {
            case DoorbellStatus.ConnectedNotify:
                _doorbell.NotifyWorkSubmission();
                break;
            default:
                Trace.WriteLine($"dsp submission: {status}");
                break;
        }
    }
}

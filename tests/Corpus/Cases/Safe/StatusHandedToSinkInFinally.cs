// Clean: every exit, the early return included, passes through the finally that hands the status to the submission sink (an interface: whoever implements it handles it).
using DoorbellGuard;

public interface ISubmissionSink
{
    void Completed(DoorbellStatus status);
}

public sealed class TracedQueue
{
    private readonly Doorbell _doorbell;
    private readonly ISubmissionSink _sink;

    public TracedQueue(Doorbell doorbell, ISubmissionSink sink)
    {
        _doorbell = doorbell;
        _sink = sink;
    }

    public void Submit(ulong tail, bool markerOnly)
    {
        try
        {
            _doorbell.Ring(tail);
            if (markerOnly)
                return;
            System.Diagnostics.Trace.WriteLine("submitted " + tail);
        }
        finally
        {
            _sink.Completed(_doorbell.ReadStatus());
        }
    }
}

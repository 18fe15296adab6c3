// The status comes back through two helpers (Poll, then ReadRaw); the caller retries and notifies but counts the abort as a success: DBL004 at the ring.
using DoorbellGuard;

public sealed class NestedPollQueue
{
    private readonly Doorbell _doorbell;
    private int _completed;

    public NestedPollQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Submit(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            {|DBL004:_doorbell.Ring(tail)|};
            status = Poll();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        _completed++;
    }

    public int Completed => _completed;

    private DoorbellStatus Poll() => ReadRaw(_doorbell);

    private static DoorbellStatus ReadRaw(Doorbell doorbell) => doorbell.ReadStatus();
}

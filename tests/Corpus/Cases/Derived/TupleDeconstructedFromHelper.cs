// A private helper rings and returns (status, fence); the caller deconstructs the tuple and answers every status: clean.
using DoorbellGuard;

public sealed class TupleDeconstructedFromHelper
{
    private readonly Doorbell _doorbell;
    private ulong _completed;

    public TupleDeconstructedFromHelper(Doorbell doorbell) => _doorbell = doorbell;

    private (DoorbellStatus Status, ulong Fence) TryRingTuple(ulong wp)
    {
        _doorbell.Ring(wp);
        return (_doorbell.ReadStatus(), _completed);
    }

    public bool Submit(ulong wp)
    {
        while (true)
        {
            var (status, fence) = TryRingTuple(wp);
            if (status == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); continue; }
            if (status == DoorbellStatus.DisconnectedAbort) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            _completed = fence;
            return true;
        }
    }
}

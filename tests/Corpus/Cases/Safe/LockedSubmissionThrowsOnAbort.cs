// Clean: the whole protocol under a lock; the abort branch throws, which separates it.
using DoorbellGuard;

public sealed class ThreadSafeQueue
{
    private readonly object _gate = new();
    private readonly Doorbell _doorbell;
    private ulong _tail;

    public ThreadSafeQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Append(uint bytes)
    {
        lock (_gate)
        {
            _tail += bytes;
            DoorbellStatus status;
            do
            {
                _doorbell.Ring(_tail);
                status = _doorbell.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    _doorbell.Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.DisconnectedAbort)
                throw new DoorbellAbortedException("queue lost while appending");
            if (status == DoorbellStatus.ConnectedNotify)
                _doorbell.NotifyWorkSubmission();
        }
    }
}

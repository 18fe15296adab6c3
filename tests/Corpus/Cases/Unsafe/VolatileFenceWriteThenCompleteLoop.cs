// Clean: the fence value is published with Volatile.Write(ref *fence, v) before each ring, as the documented sequence asks, and every status is answered.
using System.Threading;
using DoorbellGuard;

public sealed unsafe class ProgressFenceQueue
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _lastQueuedFence;
    private ulong _fence;
    private ulong _wp;

    public ProgressFenceQueue(Doorbell doorbell, ulong* lastQueuedFence)
    {
        _doorbell = doorbell;
        _lastQueuedFence = lastQueuedFence;
    }

    public ulong Submit(uint commandBytes)
    {
        var fence = ++_fence;
        _wp += commandBytes;
        DoorbellStatus status;
        do
        {
            Volatile.Write(ref *_lastQueuedFence, fence);
            _doorbell.Ring(_wp);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("fence " + fence + " lost: device removed");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return fence;
    }
}

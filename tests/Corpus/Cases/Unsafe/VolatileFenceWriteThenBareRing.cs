// The progress fence last-queued value is published with Volatile.Write(ref *fence, v), then the ring is never checked: DBL001.
using System.Threading;
using DoorbellGuard;

public sealed unsafe class FencedQueue
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _lastQueuedFence;
    private ulong _fence;
    private ulong _wp;

    public FencedQueue(Doorbell doorbell, ulong* lastQueuedFence)
    {
        _doorbell = doorbell;
        _lastQueuedFence = lastQueuedFence;
    }

    public ulong Submit(uint commandBytes)
    {
        var fence = ++_fence;
        Volatile.Write(ref *_lastQueuedFence, fence);
        _wp += commandBytes;
        {|DBL001:_doorbell.Ring(_wp)|};
        return fence;
    }
}

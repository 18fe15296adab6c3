// Clean: the command buffer is enqueued and RingAndConfirm runs the whole protocol.
using DoorbellGuard;

public sealed class RenderQueue
{
    private readonly HardwareQueue _queue;
    private readonly Doorbell _doorbell;

    public RenderQueue(HardwareQueue queue, Doorbell doorbell)
    {
        _queue = queue;
        _doorbell = doorbell;
    }

    public ulong Submit(byte[] commands)
    {
        var queued = _queue.Enqueue(commands);
        _doorbell.RingAndConfirm(queued.WritePointer);
        return queued.FenceValue;
    }
}

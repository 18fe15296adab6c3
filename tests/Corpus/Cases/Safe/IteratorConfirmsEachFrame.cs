// Clean: an iterator that submits one frame per step through RingAndConfirm and yields its fence.
using System.Collections.Generic;
using DoorbellGuard;

public static class FramePump
{
    public static IEnumerable<ulong> Pump(HardwareQueue queue, Doorbell doorbell, IEnumerable<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            var queued = queue.Enqueue(frame);
            doorbell.RingAndConfirm(queued.WritePointer);
            yield return queued.FenceValue;
        }
    }
}

// Clean injectable block: a new doorbell connected, the command buffer enqueued, RingAndConfirm does the protocol.
using DoorbellGuard;

public static class BlockConnectedRingAndConfirm
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitQueued = submitQueue.Enqueue(new byte[] { 0x90, 0x90, 0x90, 0x90 });
        submitDoorbell.RingAndConfirm(submitQueued.WritePointer);
    }
}

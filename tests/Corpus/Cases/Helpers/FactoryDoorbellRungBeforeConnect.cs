// A private factory returns a doorbell it created and never connected; the caller rings it first: DBL005 at the ring (the creation in the factory is the additional location).
using DoorbellGuard;

public sealed class ComputeQueueSetup
{
    public DoorbellStatus Start(HardwareQueue queue, ulong tail)
    {
        var doorbell = OpenDoorbell(queue);
        {|DBL005:doorbell.Ring(tail)|};
        var status = doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            doorbell.Ring(tail);
            status = doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("compute queue lost");
        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status;
    }

    private static Doorbell OpenDoorbell(HardwareQueue queue) => queue.CreateDoorbell();
}

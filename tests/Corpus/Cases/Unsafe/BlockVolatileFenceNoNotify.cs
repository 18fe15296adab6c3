// Injectable block: the fence goes out with Volatile.Write(ref *fence, v) through &local; retry and abort handled, ConnectedNotify not: DBL003.
using DoorbellGuard;

public static class BlockVolatileFenceNoNotify
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        ulong submitFenceSlot = 0;
        ulong* submitFence = &submitFenceSlot;
        DoorbellStatus submitStatus;
        do
        {
            System.Threading.Volatile.Write(ref *submitFence, 1UL);
            {|DBL003:submitDoorbell.Ring(512UL)|};
            submitStatus = submitDoorbell.ReadStatus();
            if (submitStatus == DoorbellStatus.DisconnectedRetry)
                submitDoorbell.Connect();
        }
        while (submitStatus == DoorbellStatus.DisconnectedRetry);

        if (submitStatus == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("device lost");
    }
}

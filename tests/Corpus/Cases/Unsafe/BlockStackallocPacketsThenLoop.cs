// Clean injectable block: packets written through a pointer indexer, then the documented loop with the abort thrown.
using DoorbellGuard;

public static class BlockStackallocPacketsThenLoop
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        ulong* submitRing = stackalloc ulong[8];
        ulong submitWp = 0;
        submitRing[submitWp++] = 0xC0001000UL;
        DoorbellStatus submitStatus;
        do
        {
            submitDoorbell.Ring(submitWp * sizeof(ulong));
            submitStatus = submitDoorbell.ReadStatus();
            if (submitStatus == DoorbellStatus.DisconnectedRetry)
                submitDoorbell.Connect();
        }
        while (submitStatus == DoorbellStatus.DisconnectedRetry);

        if (submitStatus == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("device lost");
        if (submitStatus == DoorbellStatus.ConnectedNotify)
            submitDoorbell.NotifyWorkSubmission();
    }
}

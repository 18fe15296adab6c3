// Injectable block: packets written through a pointer, then a retry loop and a notify; DisconnectedAbort flows on as success: DBL004.
using DoorbellGuard;

public static class BlockPointerWritesAbortUnseparated
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        ulong* submitRing = stackalloc ulong[2];
        *submitRing = 0xC0001000UL;
        *(submitRing + 1) = 0x80000000UL;
        DoorbellStatus submitStatus;
        do
        {
            {|DBL004:submitDoorbell.Ring(2 * sizeof(ulong))|};
            submitStatus = submitDoorbell.ReadStatus();
            if (submitStatus == DoorbellStatus.DisconnectedRetry)
                submitDoorbell.Connect();
        }
        while (submitStatus == DoorbellStatus.DisconnectedRetry);

        if (submitStatus == DoorbellStatus.ConnectedNotify)
            submitDoorbell.NotifyWorkSubmission();
    }
}

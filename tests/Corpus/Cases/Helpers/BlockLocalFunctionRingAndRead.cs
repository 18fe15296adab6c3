// Clean injectable block: a static local function rings and returns the status it read; the loop around it answers every status.
using DoorbellGuard;

public static class BlockLocalFunctionRingAndRead
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitStatus = SubmitRingAndRead(submitDoorbell, 96UL);
        while (submitStatus == DoorbellStatus.DisconnectedRetry)
        {
            submitDoorbell.Connect();
            submitStatus = SubmitRingAndRead(submitDoorbell, 96UL);
        }

        if (submitStatus == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("device lost");
        if (submitStatus == DoorbellStatus.ConnectedNotify)
            submitDoorbell.NotifyWorkSubmission();

        static DoorbellStatus SubmitRingAndRead(Doorbell target, ulong writePointer)
        {
            target.Ring(writePointer);
            return target.ReadStatus();
        }
    }
}

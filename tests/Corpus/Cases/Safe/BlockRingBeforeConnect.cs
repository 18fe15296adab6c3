// Injectable block: a new doorbell goes into the documented loop without a Connect() first: DBL005.
using DoorbellGuard;

public static class BlockRingBeforeConnect
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        DoorbellStatus submitStatus;
        do
        {
            {|DBL005:submitDoorbell.Ring(256UL)|};
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

// Clean injectable block: rung through a second local, read and answered through the first: one doorbell, every status handled.
using DoorbellGuard;

public static class BlockAliasRingReadThroughOriginal
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitKick = submitDoorbell;
        DoorbellStatus submitStatus;
        do
        {
            submitKick.Ring(16UL);
            submitStatus = submitDoorbell.ReadStatus();
            if (submitStatus == DoorbellStatus.DisconnectedRetry)
                submitDoorbell.Connect();
        }
        while (submitStatus == DoorbellStatus.DisconnectedRetry);

        if (submitStatus == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("device lost");
        if (submitStatus == DoorbellStatus.ConnectedNotify)
            submitKick.NotifyWorkSubmission();
    }
}

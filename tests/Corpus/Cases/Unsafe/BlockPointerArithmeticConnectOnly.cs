// Injectable block: packets stored with *(ring + i); on DisconnectedRetry the doorbell is only reconnected, never rung again: DBL002.
using DoorbellGuard;

public static class BlockPointerArithmeticConnectOnly
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        uint* submitRing = stackalloc uint[4];
        for (var i = 0; i < 4; i++)
            *(submitRing + i) = 0x80000000u;
        {|DBL002:submitDoorbell.Ring(4 * sizeof(uint))|};
        var submitStatus = submitDoorbell.ReadStatus();
        if (submitStatus == DoorbellStatus.DisconnectedRetry)
            submitDoorbell.Connect();
        if (submitStatus == DoorbellStatus.ConnectedNotify)
            submitDoorbell.NotifyWorkSubmission();
        if (submitStatus == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("device lost");
    }
}

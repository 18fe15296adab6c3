// Clean injectable block: a header copied through &header with sizeof(ulong), then the re-ring loop; the abort is counted as a lost frame.
using DoorbellGuard;

public static class BlockAddressOfHeaderThenComplete
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        ulong submitHeader = 0xC0001A00UL;
        byte* submitStaging = stackalloc byte[sizeof(ulong)];
        System.Buffer.MemoryCopy(&submitHeader, submitStaging, sizeof(ulong), sizeof(ulong));
        var submitLost = 0;
        submitDoorbell.Ring(sizeof(ulong));
        var submitStatus = submitDoorbell.ReadStatus();
        while (submitStatus == DoorbellStatus.DisconnectedRetry)
        {
            submitDoorbell.Connect();
            submitDoorbell.Ring(sizeof(ulong));
            submitStatus = submitDoorbell.ReadStatus();
        }

        if (submitStatus == DoorbellStatus.DisconnectedAbort)
            submitLost++;
        else if (submitStatus == DoorbellStatus.ConnectedNotify)
            submitDoorbell.NotifyWorkSubmission();
        System.Diagnostics.Debug.Assert(submitLost <= 1, "at most this frame is lost");
    }
}

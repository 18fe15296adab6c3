// Injectable block: the status is read after the ring and dropped, with a lost-frame count on the side: DBL002, DBL003, DBL004.
using DoorbellGuard;

public static class BlockStatusReadDropped
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitFrames = 0;
        {|DBL002,DBL003,DBL004:submitDoorbell.Ring(32UL)|};
        submitDoorbell.ReadStatus();
        submitFrames++;
        System.Diagnostics.Debug.Assert(submitFrames == 1, "one frame submitted");
    }
}

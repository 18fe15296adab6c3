// Injectable block: a static local function rings the doorbell it is given; nobody reads: DBL001 at the call.
using DoorbellGuard;

public static class BlockLocalFunctionKickUnread
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        {|DBL001:SubmitKick(submitDoorbell, 48UL)|};

        static void SubmitKick(Doorbell target, ulong writePointer) => target.Ring(writePointer);
    }
}

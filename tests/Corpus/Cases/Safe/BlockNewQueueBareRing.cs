// Injectable block: a queue and doorbell made and connected in place, one ring, no status read: DBL001.
using DoorbellGuard;

public static class BlockNewQueueBareRing
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitTail = 64UL;
        {|DBL001:submitDoorbell.Ring(submitTail)|};
    }
}

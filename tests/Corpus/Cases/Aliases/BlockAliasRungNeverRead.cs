// Injectable block: the doorbell copied into a second local and rung through it; neither name reads: DBL001.
using DoorbellGuard;

public static class BlockAliasRungNeverRead
{
    public static void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitKick = submitDoorbell;
        {|DBL001:submitKick.Ring(16UL)|};
    }
}

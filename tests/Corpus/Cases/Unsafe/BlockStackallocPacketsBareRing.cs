// Injectable block: packets written through a pointer indexer into stackalloc'd ring memory, then a bare ring: DBL001.
using DoorbellGuard;

public static class BlockStackallocPacketsBareRing
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        ulong* submitRing = stackalloc ulong[8];
        ulong submitWp = 0;
        submitRing[submitWp++] = 0xC0001000UL;
        submitRing[submitWp++] = 0x80000000UL;
        {|DBL001:submitDoorbell.Ring(submitWp * sizeof(ulong))|};
    }
}

// A [DoorbellRing] wrapper writes the packet into its ring slot, then the doorbell with a plain store: DBL006 at the doorbell store, never at the packet write.
using System.Threading;
using DoorbellGuard;

public sealed unsafe class PlainKick
{
    private readonly ulong* _ring;
    private readonly ulong* _doorbellVa;
    private readonly ulong _mask;

    public PlainKick(ulong* ring, ulong* doorbellVa, ulong mask)
    {
        _ring = ring;
        _doorbellVa = doorbellVa;
        _mask = mask;
    }

    [DoorbellRing]
    public void Kick(ulong packet, ulong writePointer)
    {
        _ring[writePointer & _mask] = packet;
        if (writePointer == 0)
            Interlocked.MemoryBarrier(); // on one path only
        {|DBL006:*_doorbellVa = writePointer|};
    }
}

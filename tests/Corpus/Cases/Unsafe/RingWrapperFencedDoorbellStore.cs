// Clean: a [DoorbellRing] wrapper writes the packet, then a full barrier on every path, then the doorbell with a plain store: published.
using System.Threading;
using DoorbellGuard;

public sealed unsafe class FencedKick
{
    private readonly ulong* _ring;
    private readonly ulong* _doorbellVa;
    private readonly ulong _mask;

    public FencedKick(ulong* ring, ulong* doorbellVa, ulong mask)
    {
        _ring = ring;
        _doorbellVa = doorbellVa;
        _mask = mask;
    }

    [DoorbellRing]
    public void Kick(ulong packet, ulong writePointer)
    {
        _ring[writePointer & _mask] = packet;
        try
        {
            _ring[(writePointer + 1) & _mask] = 0;
        }
        finally
        {
            Interlocked.MemoryBarrier();
        }

        *_doorbellVa = writePointer;
    }
}

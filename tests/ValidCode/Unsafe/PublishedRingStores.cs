using System.Runtime.CompilerServices;
using System.Threading;
using DoorbellGuard;

namespace ValidCode.PublishedRingStores;

/// <summary>A packet header as the command processor reads it from the ring.</summary>
public struct PacketHeader
{
    public uint Opcode;
    public uint Dwords;
}

/// <summary>
/// Ring wrappers over mapped pages that publish their packets (DBL006 stays silent): the packet, its header and the
/// progress fence are written with plain stores into ring slots, then the doorbell with a release or after a full
/// barrier on every path. Packet writes are never the doorbell store, whatever their shape.
/// </summary>
public sealed unsafe class PublishedRingStores
{
    private readonly byte* _ring;
    private readonly ulong _mask;
    private readonly ulong* _doorbellVa;
    private readonly ulong* _secondaryVa;
    private readonly ulong* _lastQueuedFence;

    public PublishedRingStores(byte* ring, ulong mask, ulong* doorbellVa, ulong* secondaryVa, ulong* lastQueuedFence)
    {
        _ring = ring;
        _mask = mask;
        _doorbellVa = doorbellVa;
        _secondaryVa = secondaryVa;
        _lastQueuedFence = lastQueuedFence;
    }

    [DoorbellRing]
    public void KickReleased(PacketHeader header, ulong fence, ulong writePointer)
    {
        var slot = (PacketHeader*)(_ring + (writePointer & _mask));
        *slot = header;
        slot->Dwords = 2;
        *_lastQueuedFence = fence;
        Volatile.Write(ref *_doorbellVa, writePointer);
        if (_secondaryVa != null)
            Volatile.Write(ref *_secondaryVa, writePointer);
    }

    [DoorbellRing]
    public void KickFenced(ulong packet, ulong writePointer)
    {
        ((ulong*)_ring)[writePointer & _mask] = packet;
        Interlocked.MemoryBarrier();
        *_doorbellVa = writePointer;
        if (_secondaryVa != null)
            _secondaryVa[0] = writePointer;
    }

    [DoorbellRing]
    public void KickFencedOnBothBranches(ulong packet, ulong writePointer, bool processWide)
    {
        Unsafe.Write(_ring + (writePointer & _mask), packet);
        if (processWide)
            Interlocked.MemoryBarrierProcessWide();
        else
            Thread.MemoryBarrier();
        Unsafe.Write(_doorbellVa, writePointer);
    }

    [DoorbellRing]
    public void KickExchanged(ulong packet, ulong writePointer)
    {
        *(ulong*)(_ring + (writePointer & _mask)) = packet;
        Interlocked.Exchange(ref *_doorbellVa, writePointer);
    }

    /// <summary>A wrapper whose last store is a ring slot: the doorbell store cannot be told apart, so nothing is said.</summary>
    [DoorbellRing]
    public void KickThenClearNextSlot(ulong writePointer)
    {
        Volatile.Write(ref *_doorbellVa, writePointer);
        ((ulong*)_ring)[(writePointer + 1) & _mask] = 0;
    }
}

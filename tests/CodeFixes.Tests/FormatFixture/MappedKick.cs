using System.Threading;
using DoorbellGuard;

namespace FormatSample;

/// <summary>A ring wrapper of the user's own over mapped pages, for dotnet format to fix.</summary>
public sealed unsafe class MappedKick
{
    private readonly ulong* _ring;
    private readonly ulong* _doorbellVa;

    public MappedKick(ulong* ring, ulong* doorbellVa)
    {
        _ring = ring;
        _doorbellVa = doorbellVa;
    }

    public ulong Reads => Volatile.Read(ref *_ring);

    // DBL006: the packet may not be visible when the GPU sees the new write pointer.
    [DoorbellRing]
    public void Kick(ulong packet, ulong writePointer)
    {
        _ring[writePointer] = packet;
        *_doorbellVa = writePointer;
    }
}

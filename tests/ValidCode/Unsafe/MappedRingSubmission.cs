using System;
using System.Threading;
using DoorbellGuard;

namespace ValidCode.MappedRingSubmission;

/// <summary>A packet as the command processor reads it from the ring.</summary>
public struct Packet
{
    public uint Header;
    public uint Dword1;
    public uint Dword2;
    public uint Dword3;
}

/// <summary>
/// Submission code as user-mode drivers write it: packets and the progress fence go through pointers into mapped
/// memory right before the ring, and the whole protocol follows. Pointer code is no reason to say anything here.
/// </summary>
public sealed unsafe class MappedRing
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ring;
    private readonly ulong _ringBytes;
    private readonly ulong* _lastQueuedFence;
    private ulong _wp;
    private ulong _fence;

    public MappedRing(Doorbell doorbell, byte* ring, ulong ringBytes, ulong* lastQueuedFence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _ringBytes = ringBytes;
        _lastQueuedFence = lastQueuedFence;
    }

    public ulong Write(in Packet packet)
    {
        *(Packet*)(_ring + (_wp % _ringBytes)) = packet;
        _wp += (ulong)sizeof(Packet);
        return Publish();
    }

    public ulong Copy(ReadOnlySpan<byte> commands)
    {
        fixed (byte* source = commands)
        {
            for (var i = 0; i < commands.Length; i++)
                *(_ring + ((_wp + (ulong)i) % _ringBytes)) = *(source + i);
        }

        _wp += (ulong)commands.Length;
        return Publish();
    }

    public ulong Marker(uint id)
    {
        uint* staged = stackalloc uint[2];
        staged[0] = 0xC0001A00u;
        staged[1] = id;
        ulong both = *(ulong*)staged;
        Buffer.MemoryCopy(&both, _ring + (_wp % _ringBytes), sizeof(ulong), sizeof(ulong));
        _wp += sizeof(ulong);
        return Publish();
    }

    /// <summary>The documented sequence: fence value, ring, status; retry, notify, abort to the caller.</summary>
    private ulong Publish()
    {
        var fence = ++_fence;
        DoorbellStatus status;
        do
        {
            Volatile.Write(ref *_lastQueuedFence, fence);
            _doorbell.Ring(_wp);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("fence " + fence + " was not submitted: the device is lost");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return fence;
    }
}

/// <summary>Wrappers that are pointer code themselves, over the mapped doorbell and status pages.</summary>
public sealed unsafe class MappedDoorbellPages
{
    private readonly ulong* _doorbellVa;
    private readonly ulong* _statusVa;
    private readonly delegate* unmanaged<uint, int> _connect;
    private readonly delegate* unmanaged<uint, int> _notify;
    private readonly uint _handle;

    public MappedDoorbellPages(ulong* doorbellVa, ulong* statusVa, delegate* unmanaged<uint, int> connect, delegate* unmanaged<uint, int> notify, uint handle)
    {
        _doorbellVa = doorbellVa;
        _statusVa = statusVa;
        _connect = connect;
        _notify = notify;
        _handle = handle;
    }

    [DoorbellRing]
    public void Kick(ulong writePointer) => Volatile.Write(ref *_doorbellVa, writePointer);

    /// <summary>The connection status is the low half of the 64-bit status word.</summary>
    [DoorbellStatusRead]
    public DoorbellStatus Status => (DoorbellStatus)(uint)(Volatile.Read(ref *_statusVa) & 0xFFFFFFFFUL);

    [DoorbellConnect]
    public void Reconnect()
    {
        if (_connect(_handle) < 0)
            throw new DoorbellException("D3DKMTConnectDoorbell failed");
    }

    [DoorbellNotify]
    public void Notify() => _ = _notify(_handle);

    public bool Submit(ulong* ring, ref ulong wp, ulong packet)
    {
        ring[wp++] = packet;
        while (true)
        {
            Kick(wp * sizeof(ulong));
            switch (Status)
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    Notify();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    Reconnect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

/// <summary>A new doorbell connected first, its ring buffer cleared through a pointer, then one confirmed submission.</summary>
public static unsafe class ColdQueue
{
    public static ulong Start(HardwareQueue queue, uint* ring, uint dwords, ulong* lastQueuedFence)
    {
        using var doorbell = queue.CreateDoorbell();
        doorbell.Connect();
        for (uint i = 0; i < dwords; i++)
            ring[i] = 0x80000000u;
        *lastQueuedFence = 1;
        doorbell.RingAndConfirm(dwords * sizeof(uint));
        return *lastQueuedFence;
    }
}

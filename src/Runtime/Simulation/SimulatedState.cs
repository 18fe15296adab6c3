using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace DoorbellGuard.Simulation;

/// <summary>Page-aligned native memory, zeroed, as the OS would map it.</summary>
internal static unsafe class NativePages
{
    public const int PageSize = 4096;

    public static void* Allocate(int bytes)
    {
        nuint size = (nuint)((bytes + PageSize - 1) / PageSize * PageSize);
        void* memory = NativeMemory.AlignedAlloc(size, PageSize);
        NativeMemory.Clear(memory, size);
        return memory;
    }

    public static void Free(void* memory)
    {
        if (memory != null)
            NativeMemory.AlignedFree(memory);
    }
}

/// <summary>A simulated hardware queue: its ring buffer, control area and fence pages, and what the GPU did with them.</summary>
internal sealed unsafe class SimQueue
{
    public uint Handle;
    public uint RingBufferHandle;
    public uint ControlHandle;
    public int Engine;
    public byte* Ring;
    public int Size;
    public ulong* Control;         // [0] read pointer (GPU), [1] write pointer (UMD)
    public ulong* CompletedFence;  // written by the GPU
    public ulong* LastQueuedFence; // written by the UMD (the doorbell's progress-fence last-queued-value address)
    public ulong Received;         // the highest write pointer a ring delivered to the GPU
    public ulong ReadPointer;      // what the GPU consumed
    public ulong ExecutedFence;
    public long Executed;
    public long Malformed;
    public long RingsObserved;
    public long LateDeliveries;
    public bool Suspended;
    public long ResumeAtFaultEvent = long.MaxValue;
    public SimDoorbell? Doorbell;
    public bool Destroyed;
    public QueueAuditRecord Record = new();
    public QueueAudit? FinalAudit;
}

/// <summary>A simulated doorbell: the pages the OS maps for it and its connection.</summary>
internal sealed unsafe class SimDoorbell
{
    public uint Handle;
    public SimQueue Queue = null!;
    public ulong* Page;            // where rings reach the GPU now
    public ulong* SecondaryPage;
    public readonly List<nint> RetiredPages = new(); // old addresses after moves: the dummy page, freed on destroy
    public ulong* Status;
    public bool Connected;
    public bool NotifyRequired;
    public long LastUsed;
    public DoorbellCounters Counters = new();
}

/// <summary>The audit of one queue.</summary>
internal readonly record struct QueueAudit(
    uint Handle, long Queued, long Executed, long Pending, long Surfaced, long SilentlyLost,
    long Delivered, long Rejected, long Malformed, long RingsObserved, long LateDeliveries, ulong ReceivedFence, ulong LastQueuedFence, ulong MaxDeliveredFence);

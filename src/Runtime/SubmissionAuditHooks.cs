using System.Collections.Generic;
using System.Threading;

namespace DoorbellGuard;

/// <summary>
/// Implemented by the simulator: what the runtime tells it, so the audit can tell lost work from surfaced work. The
/// runtime looks it up once, when a doorbell or queue is created; nothing on the ring path calls it.
/// </summary>
internal interface ISubmissionAuditSink
{
    DoorbellCounters? CountersFor(uint doorbellHandle);

    QueueAuditRecord? RecordFor(uint hardwareQueueHandle);

    /// <summary>Checks, when the caller is told a submission was delivered, that the GPU really received its ring.</summary>
    void VerifyDelivered(uint hardwareQueueHandle, ulong writePointer);

    /// <summary>Lets the simulated GPU run what it has received (called while the caller waits for it).</summary>
    void RunEngine();
}

/// <summary>
/// Per-doorbell counters the simulator's audit reads; null on real backends. A doorbell writes them directly (a field
/// check and a plain increment on the ring path, no call), and the audit sums them.
/// </summary>
internal sealed class DoorbellCounters
{
    public long RingAttempts;
    public long Retries;
    public long Reconnects;
    public long Notifies;
}

/// <summary>What the runtime reported to the caller for one queue; written under the queue's lock, read by the audit.</summary>
internal sealed class QueueAuditRecord
{
    public long Delivered;
    public ulong MaxDeliveredFence;
    public long Rejected;
    public bool VerifyDeliveries;
    public readonly List<ulong> Surfaced = new();

    public void OnDelivered(ulong fence)
    {
        Volatile.Write(ref Delivered, Delivered + 1);
        Volatile.Write(ref MaxDeliveredFence, fence);
    }

    public void OnSurfaced(ulong fence)
    {
        lock (Surfaced)
            Surfaced.Add(fence);
    }

    public void OnRejected() => Interlocked.Increment(ref Rejected);
}

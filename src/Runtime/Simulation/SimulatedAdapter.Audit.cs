using System.Linq;
using System.Threading;

namespace DoorbellGuard.Simulation;

// The audit: what the runtime reports to the simulator (ISubmissionAuditSink) and the snapshot that adds it up.
public sealed unsafe partial class SimulatedAdapter
{
    /// <summary>
    /// A snapshot of the audit, taken after the simulated GPU has executed everything its connected doorbells
    /// received. Take it when no submission is in flight.
    /// </summary>
    public SimulationAudit Audit
    {
        get
        {
            lock (_gate)
            {
                StepLocked(injectFaults: false);
                var queues = _allQueues.Select(q => q.FinalAudit ?? AuditQueue(q)).ToList();
                long ringAttempts = 0, retries = 0, reconnects = 0, notifies = 0;
                foreach (DoorbellCounters c in _allCounters)
                {
                    ringAttempts += Interlocked.Read(ref c.RingAttempts);
                    retries += Interlocked.Read(ref c.Retries);
                    reconnects += Interlocked.Read(ref c.Reconnects);
                    notifies += Interlocked.Read(ref c.Notifies);
                }

                return new SimulationAudit(queues, ringAttempts, retries, reconnects, _kernelConnects, notifies,
                    _victimizations, _engineF1, _powerDowns, _wakes, _suspensions, _resumes, _deviceLosses);
            }
        }
    }

    void ISubmissionAuditSink.RunEngine() => RunEngine();

    DoorbellCounters? ISubmissionAuditSink.CountersFor(uint doorbellHandle)
    {
        lock (_gate)
            return _doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell) ? doorbell.Counters : null;
    }

    void ISubmissionAuditSink.VerifyDelivered(uint hardwareQueueHandle, ulong writePointer)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(hardwareQueueHandle, out SimQueue? queue))
                return;
            // The status read said CONNECTED (or the notify went through): the ring is on a connected doorbell, or
            // the disconnect that followed took it. Either way the GPU has it now, or the OS broke the protocol.
            if (queue.Doorbell is { Connected: true, NotifyRequired: false } doorbell)
                LatchLocked(doorbell);
            if (queue.Received < writePointer)
                queue.LateDeliveries++;
        }
    }

    QueueAuditRecord? ISubmissionAuditSink.RecordFor(uint hardwareQueueHandle)
    {
        lock (_gate)
            return _queues.TryGetValue(hardwareQueueHandle, out SimQueue? queue) ? queue.Record : null;
    }

    private QueueAudit AuditQueue(SimQueue queue)
    {
        // What the GPU received: executed packets plus those waiting (suspended context, device in D3).
        ulong receivedFence = queue.ExecutedFence;
        long pending = 0;
        if (queue.Ring != null)
        {
            ulong position = queue.ReadPointer;
            while (position < queue.Received && RingPacket.TryRead(queue.Ring, queue.Size, position, queue.Received, out ulong fence, out ulong size))
            {
                receivedFence = fence;
                pending++;
                position += size;
            }
        }

        ulong lastQueued = queue.LastQueuedFence != null ? Volatile.Read(ref *queue.LastQueuedFence) : queue.FinalAudit?.LastQueuedFence ?? 0;
        long surfaced;
        lock (queue.Record.Surfaced)
            surfaced = queue.Record.Surfaced.Count(f => f > receivedFence && f <= lastQueued);
        long notReceived = lastQueued > receivedFence ? (long)(lastQueued - receivedFence) : 0;
        return new QueueAudit(
            queue.Handle,
            Queued: (long)lastQueued,
            Executed: queue.Executed,
            Pending: pending,
            Surfaced: surfaced,
            SilentlyLost: notReceived - surfaced,
            Delivered: Volatile.Read(ref queue.Record.Delivered),
            Rejected: Interlocked.Read(ref queue.Record.Rejected),
            Malformed: queue.Malformed,
            RingsObserved: queue.RingsObserved,
            LateDeliveries: queue.LateDeliveries,
            ReceivedFence: receivedFence,
            LastQueuedFence: lastQueued,
            MaxDeliveredFence: Volatile.Read(ref queue.Record.MaxDeliveredFence));
    }
}

using System.Threading;

namespace DoorbellGuard.Simulation;

// The simulated GPU: it observes rings by reading the doorbell pages of connected doorbells (a ring is a plain write
// into that memory, never a call), then executes the ring buffer packets up to the write pointer it received.
public sealed unsafe partial class SimulatedAdapter
{
    /// <summary>Lets the simulated GPU take the rings of connected doorbells and execute what it received.</summary>
    public void RunEngine()
    {
        lock (_gate)
            StepLocked(injectFaults: true);
    }

    private void EngineLoop()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_disposed)
                    return;
                StepLocked(injectFaults: true);
            }

            Thread.Sleep(1);
        }
    }

    private void StepLocked(bool injectFaults)
    {
        foreach (SimDoorbell doorbell in _doorbells.Values)
        {
            // A CONNECTED_NOTIFY doorbell's rings reach the GPU only through NotifyWorkSubmission.
            if (doorbell.Connected && !doorbell.NotifyRequired)
                LatchLocked(doorbell);
        }

        foreach (SimQueue queue in _queues.Values)
            ExecuteLocked(queue);
        if (injectFaults)
            MaybeInjectRandomFaultLocked();
    }

    /// <summary>The GPU takes the value last rung on a connected doorbell: its current page, never a retired one.</summary>
    private void LatchLocked(SimDoorbell doorbell)
    {
        ulong value = Volatile.Read(ref *doorbell.Page);
        SimQueue queue = doorbell.Queue;
        if (value > queue.Received)
        {
            queue.Received = value;
            queue.RingsObserved++;
            doorbell.LastUsed = ++_tick;
        }
    }

    private void ExecuteLocked(SimQueue queue)
    {
        if (queue.Suspended || _poweredDown || queue.Destroyed || queue.ReadPointer >= queue.Received)
            return;
        ulong read = queue.ReadPointer;
        while (read < queue.Received)
        {
            if (!RingPacket.TryRead(queue.Ring, queue.Size, read, queue.Received, out ulong fence, out ulong size))
            {
                // The ring pointed past anything DoorbellGuard's packet format explains: the GPU skips it.
                queue.Malformed++;
                read = queue.Received;
                break;
            }

            read += size;
            queue.Executed++;
            queue.ExecutedFence = fence;
            Volatile.Write(ref *queue.CompletedFence, fence);
        }

        queue.ReadPointer = read;
        Volatile.Write(ref queue.Control[0], read);
    }
}

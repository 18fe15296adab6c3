using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace DoorbellGuard.Simulation;

// The simulated OS: the events that disconnect doorbells, driven by hand or drawn by the seeded random generator.
public sealed unsafe partial class SimulatedAdapter
{
    /// <summary>Victimizes the queue's doorbell as a connect of another queue would: its status becomes DISCONNECTED_RETRY and its address leads to the dummy page. False when it was not connected.</summary>
    public bool VictimizeDoorbell(HardwareQueue queue) => VictimizeDoorbell(HandleOf(queue));

    /// <summary>Victimizes the doorbell of the queue with this handle. False when it was not connected.</summary>
    public bool VictimizeDoorbell(uint hardwareQueueHandle)
    {
        lock (_gate)
        {
            SimDoorbell? doorbell = FindQueueLocked(hardwareQueueHandle).Doorbell;
            if (doorbell is not { Connected: true })
                return false;
            StepLocked(injectFaults: false);
            _victimizations++;
            DisconnectLocked([doorbell], StatusRetry);
            return true;
        }
    }

    /// <summary>Suspends the queue's context: its doorbell stays connected and work it receives waits for <see cref="ResumeContext(HardwareQueue)"/>; its doorbell is the first victim.</summary>
    public void SuspendContext(HardwareQueue queue) => SuspendContext(HandleOf(queue));

    /// <summary>Suspends the context of the queue with this handle.</summary>
    public void SuspendContext(uint hardwareQueueHandle)
    {
        lock (_gate)
        {
            SimQueue queue = FindQueueLocked(hardwareQueueHandle);
            StepLocked(injectFaults: false);
            SuspendLocked(queue, long.MaxValue);
        }
    }

    /// <summary>Resumes the queue's context: the GPU runs the work it received meanwhile.</summary>
    public void ResumeContext(HardwareQueue queue) => ResumeContext(HandleOf(queue));

    /// <summary>Resumes the context of the queue with this handle.</summary>
    public void ResumeContext(uint hardwareQueueHandle)
    {
        lock (_gate)
            ResumeLocked(FindQueueLocked(hardwareQueueHandle));
    }

    /// <summary>An engine F1 transition: the GPU finishes what it received on the engine, then the OS disconnects every doorbell on it (DISCONNECTED_RETRY).</summary>
    public void TransitionEngineToF1(int engineIndex)
    {
        if (engineIndex < 0 || engineIndex >= _options.EngineCount)
            throw new ArgumentOutOfRangeException(nameof(engineIndex), engineIndex, $"The adapter has {_options.EngineCount} engines (0 to {_options.EngineCount - 1}).");
        lock (_gate)
            EngineF1Locked(engineIndex);
    }

    /// <summary>Device D3: the GPU finishes what it received, the OS suspends the queues and disconnects every doorbell (DISCONNECTED_RETRY). The next connect wakes the device to D0.</summary>
    public void PowerDown()
    {
        lock (_gate)
            PowerDownLocked();
    }

    /// <summary>Device lost: the GPU finishes what it received, then every doorbell reads DISCONNECTED_ABORT and every later connect, notify or create fails with STATUS_DEVICE_REMOVED.</summary>
    public void LoseDevice()
    {
        lock (_gate)
            LoseDeviceLocked();
    }

    /// <summary>Draws one fault from the seeded generator among <see cref="SimulatedAdapterOptions.RandomFaultKinds"/> and injects it.</summary>
    public SimulatedFault InjectRandomFault()
    {
        lock (_gate)
            return InjectRandomFaultLocked();
    }

    /// <summary>
    /// The OS disconnect sequence: status first, then a process-wide barrier (the TLB shootdown of the real remap), so
    /// that any ring whose status read still said CONNECTED is visible and taken before the address leads to the dummy page.
    /// </summary>
    private void DisconnectLocked(IReadOnlyList<SimDoorbell> doorbells, ulong status)
    {
        foreach (SimDoorbell doorbell in doorbells)
            WriteStatusLocked(doorbell, status);
        Interlocked.MemoryBarrierProcessWide();
        foreach (SimDoorbell doorbell in doorbells)
        {
            if (!doorbell.Connected)
                continue;
            DisconnectProbe?.Invoke(doorbell.Queue.Handle);
            LatchLocked(doorbell);
            doorbell.Connected = false;
            _connectedPhysical--;
        }
    }

    /// <summary>The victim of a connect: a suspended queue's doorbell first, then the least recently used.</summary>
    private SimDoorbell LeastRecentlyUsedLocked(SimDoorbell connecting)
    {
        SimDoorbell? victim = null;
        foreach (SimDoorbell candidate in _doorbells.Values)
        {
            if (!candidate.Connected || candidate == connecting)
                continue;
            if (victim == null
                || (candidate.Queue.Suspended && !victim.Queue.Suspended)
                || (candidate.Queue.Suspended == victim.Queue.Suspended && candidate.LastUsed < victim.LastUsed))
            {
                victim = candidate;
            }
        }

        return victim!;
    }

    private void SuspendLocked(SimQueue queue, long resumeAtFaultEvent)
    {
        if (queue.Suspended)
            return;
        queue.Suspended = true;
        queue.ResumeAtFaultEvent = resumeAtFaultEvent;
        _suspensions++;
    }

    private void ResumeLocked(SimQueue queue)
    {
        if (!queue.Suspended)
            return;
        queue.Suspended = false;
        queue.ResumeAtFaultEvent = long.MaxValue;
        _resumes++;
        if (_poweredDown && queue.ReadPointer < queue.Received)
        {
            _poweredDown = false; // work waiting on a resumed context wakes the device
            _wakes++;
        }

        ExecuteLocked(queue);
    }

    private void EngineF1Locked(int engine)
    {
        var onEngine = _doorbells.Values.Where(d => d.Queue.Engine == engine).ToList();
        foreach (SimDoorbell doorbell in onEngine.Where(d => d.Connected && !d.NotifyRequired))
            LatchLocked(doorbell);
        foreach (SimQueue queue in _queues.Values.Where(q => q.Engine == engine))
            ExecuteLocked(queue);
        _engineF1++;
        DisconnectLocked(onEngine.Where(d => d.Connected).ToList(), StatusRetry);
    }

    private void PowerDownLocked()
    {
        if (_deviceLost)
            return;
        StepLocked(injectFaults: false);
        _powerDowns++;
        _poweredDown = true;
        DisconnectLocked(_doorbells.Values.Where(d => d.Connected).ToList(), StatusRetry);
    }

    private void LoseDeviceLocked()
    {
        if (_deviceLost)
            return;
        foreach (SimDoorbell doorbell in _doorbells.Values.Where(d => d.Connected))
            LatchLocked(doorbell);
        foreach (SimQueue queue in _queues.Values)
        {
            // Work the GPU received before the loss completes (the simulator leaves in-flight loss to fences).
            queue.Suspended = false;
            bool wasPoweredDown = _poweredDown;
            _poweredDown = false;
            ExecuteLocked(queue);
            _poweredDown = wasPoweredDown;
        }

        _deviceLosses++;
        _deviceLost = true;
        DisconnectLocked(_doorbells.Values.ToList(), StatusAbort);
    }

    private void MaybeInjectRandomFaultLocked()
    {
        if (_options.RandomFaultProbability > 0 && !_deviceLost && _random.NextDouble() < _options.RandomFaultProbability)
            InjectRandomFaultLocked();
    }

    private SimulatedFault InjectRandomFaultLocked()
    {
        long faultEvent = ++_faultEvents;
        if (_suspensions > _resumes)
        {
            foreach (SimQueue queue in _queues.Values.Where(q => q.Suspended && q.ResumeAtFaultEvent <= faultEvent).ToList())
                ResumeLocked(queue);
        }
        if (_randomKinds.Length == 0 || _deviceLost)
            return new SimulatedFault(SimulatedFaultKind.None, 0, -1);
        SimulatedFaultSet kind = _randomKinds[_random.Next(_randomKinds.Length)];
        switch (kind)
        {
            case SimulatedFaultSet.Victimize:
            {
                var connected = _doorbells.Values.Where(d => d.Connected).OrderBy(d => d.Handle).ToList();
                if (connected.Count == 0)
                    return new SimulatedFault(SimulatedFaultKind.None, 0, -1);
                SimDoorbell victim = connected[_random.Next(connected.Count)];
                _victimizations++;
                DisconnectLocked([victim], StatusRetry);
                return new SimulatedFault(SimulatedFaultKind.Victimize, victim.Queue.Handle, -1);
            }

            case SimulatedFaultSet.SuspendResume:
            {
                var live = _queues.Values.OrderBy(q => q.Handle).ToList();
                if (live.Count == 0)
                    return new SimulatedFault(SimulatedFaultKind.None, 0, -1);
                SimQueue queue = live[_random.Next(live.Count)];
                if (queue.Suspended)
                {
                    ResumeLocked(queue);
                    return new SimulatedFault(SimulatedFaultKind.Resume, queue.Handle, -1);
                }

                // A random suspension ends by itself a few fault events later, so no queue starves for good.
                SuspendLocked(queue, faultEvent + 1 + _random.Next(4));
                return new SimulatedFault(SimulatedFaultKind.Suspend, queue.Handle, -1);
            }

            case SimulatedFaultSet.EngineF1:
            {
                int engine = _random.Next(_options.EngineCount);
                EngineF1Locked(engine);
                return new SimulatedFault(SimulatedFaultKind.EngineF1, 0, engine);
            }

            case SimulatedFaultSet.PowerDown:
                PowerDownLocked();
                return new SimulatedFault(SimulatedFaultKind.PowerDown, 0, -1);
            default:
                LoseDeviceLocked();
                return new SimulatedFault(SimulatedFaultKind.DeviceLost, 0, -1);
        }
    }
}

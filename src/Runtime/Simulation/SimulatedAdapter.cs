using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace DoorbellGuard.Simulation;

/// <summary>
/// A simulated WDDM 3.2 adapter with user-mode submission: physical doorbells (dedicated or global model), doorbell
/// pages in real memory, a simulated GPU that consumes a queue's ring buffer only through a ring on a connected
/// doorbell, the OS events that disconnect doorbells (victimization, context suspension, engine F1, device D3,
/// device lost), and an <see cref="Audit"/> that proves whether any submission was silently lost.
/// <para>
/// Use it as the backend of a queue: <c>new HardwareQueue(adapter)</c>. Drive OS events with
/// <see cref="VictimizeDoorbell(HardwareQueue)"/>, <see cref="SuspendContext(HardwareQueue)"/>,
/// <see cref="ResumeContext(HardwareQueue)"/>, <see cref="TransitionEngineToF1"/>, <see cref="PowerDown"/>,
/// <see cref="LoseDevice"/>, or let <see cref="SimulatedAdapterOptions.RandomFaultProbability"/> and
/// <see cref="InjectRandomFault"/> draw them from the seeded generator. Every member is thread-safe.
/// </para>
/// </summary>
public sealed unsafe class SimulatedAdapter : IDoorbellKernel, IHardwareQueueProvider, ISubmissionAuditSink, IDisposable
{
    private const uint PacketMagic = 0x31474244;
    private const ulong StatusConnected = 0, StatusConnectedNotify = 1, StatusRetry = 2, StatusAbort = 3;

    private static readonly Lazy<SimulatedAdapter> s_default = new(() => new SimulatedAdapter { _isDefault = true });

    private readonly object _gate = new();
    private readonly SimulatedAdapterOptions _options;
    private readonly Random _random;
    private readonly Dictionary<uint, SimQueue> _queues = new();
    private readonly List<SimQueue> _allQueues = new();
    private readonly Dictionary<uint, SimDoorbell> _doorbells = new();
    private readonly List<DoorbellCounters> _allCounters = new();
    private readonly SimulatedFaultKinds[] _randomKinds;
    private readonly Thread? _engineThread;
    private uint _nextHandle = 0x40000000;
    private long _tick;
    private long _faultEvents;
    private int _connectedPhysical;
    private bool _deviceLost;
    private bool _poweredDown;
    private bool _disposed;
    private bool _isDefault;

    /// <summary>Test hook: runs inside the disconnect sequence, just before the GPU takes the doorbell's last ring.</summary>
    internal Action<uint>? DisconnectProbe;
    private long _victimizations, _engineF1, _powerDowns, _wakes, _suspensions, _resumes, _deviceLosses, _kernelConnects;

    /// <summary>Creates an adapter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message says which).</exception>
    public SimulatedAdapter(SimulatedAdapterOptions? options = null)
    {
        _options = options ?? new SimulatedAdapterOptions();
        _options.Validate();
        _random = new Random(_options.Seed);
        _randomKinds = Enum.GetValues<SimulatedFaultKinds>()
            .Where(k => k is not (SimulatedFaultKinds.None or SimulatedFaultKinds.Recoverable) && _options.RandomFaultKinds.HasFlag(k))
            .ToArray();
        if (_options.BackgroundEngine)
        {
            _engineThread = new Thread(EngineLoop) { IsBackground = true, Name = "DoorbellGuard simulated GPU" };
            _engineThread.Start();
        }
    }

    /// <summary>The process-wide adapter behind <see cref="HardwareQueue()"/>: default options (16 dedicated physical doorbells, no faults).</summary>
    public static SimulatedAdapter Default => s_default.Value;

    /// <summary>The options the adapter runs with.</summary>
    public SimulatedAdapterOptions Options => _options;

    IDoorbellKernel IHardwareQueueProvider.Kernel => this;

    /// <summary>True once <see cref="LoseDevice"/> (or a random DeviceLost fault) ran.</summary>
    public bool IsDeviceLost
    {
        get { lock (_gate) return _deviceLost; }
    }

    /// <summary>True while the device is in D3 (powered down); the next connect wakes it.</summary>
    public bool IsPoweredDown
    {
        get { lock (_gate) return _poweredDown; }
    }

    /// <summary>How many doorbells are connected right now.</summary>
    public int ConnectedDoorbellCount
    {
        get { lock (_gate) return _doorbells.Values.Count(d => d.Connected); }
    }

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

    // ---- The kernel (IDoorbellKernel) ----

    /// <inheritdoc />
    public int CreateDoorbell(in DoorbellCreateParameters parameters, out DoorbellMapping mapping)
    {
        mapping = default;
        lock (_gate)
        {
            if (_deviceLost || _disposed)
                return NtStatus.DeviceRemoved;
            if (!_queues.TryGetValue(parameters.HardwareQueueHandle, out SimQueue? queue)
                || parameters.RingBufferHandle != queue.RingBufferHandle
                || (parameters.RingBufferControlHandle != 0 && parameters.RingBufferControlHandle != queue.ControlHandle)
                || ((uint)parameters.Flags & ~3u) != 0
                || queue.Doorbell != null)
            {
                return NtStatus.InvalidParameter;
            }

            var doorbell = new SimDoorbell
            {
                Handle = NextHandle(),
                Queue = queue,
                Page = (ulong*)NativePages.Allocate(NativePages.PageSize),
                SecondaryPage = (parameters.Flags & DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress) != 0 ? (ulong*)NativePages.Allocate(NativePages.PageSize) : null,
                Status = (ulong*)NativePages.Allocate(NativePages.PageSize),
            };
            Volatile.Write(ref *doorbell.Status, StatusRetry); // a new doorbell starts disconnected
            queue.Doorbell = doorbell;
            _doorbells.Add(doorbell.Handle, doorbell);
            _allCounters.Add(doorbell.Counters);
            mapping = new DoorbellMapping(doorbell.Handle, (nint)doorbell.Page, (nint)doorbell.SecondaryPage, (nint)doorbell.Status, (nint)queue.LastQueuedFence);
            return NtStatus.Success;
        }
    }

    /// <inheritdoc />
    public int ConnectDoorbell(uint doorbellHandle)
    {
        lock (_gate)
        {
            if (_deviceLost || _disposed)
                return NtStatus.DeviceRemoved;
            if (!_doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell) || doorbell.Queue.Destroyed)
                return NtStatus.InvalidParameter;
            StepLocked(injectFaults: false); // the GPU has taken the rings made so far
            _kernelConnects++;
            if (_poweredDown)
            {
                _poweredDown = false; // a connect wakes the device to D0
                _wakes++;
            }

            if (!doorbell.Connected)
            {
                if (_options.DoorbellModel == DoorbellModel.Dedicated && _connectedPhysical >= _options.PhysicalDoorbellCount)
                {
                    SimDoorbell victim = LeastRecentlyUsedLocked(doorbell);
                    _victimizations++;
                    DisconnectLocked([victim], StatusRetry);
                }

                // A fresh physical doorbell: whatever was written to the dummy page is gone.
                Volatile.Write(ref *doorbell.Page, doorbell.Queue.Received);
                if (doorbell.SecondaryPage != null)
                    Volatile.Write(ref *doorbell.SecondaryPage, doorbell.Queue.Received);
                doorbell.Connected = true;
                _connectedPhysical++;
                doorbell.NotifyRequired = _options.NotifyMode switch
                {
                    NotifyMode.Always => true,
                    NotifyMode.Random => _random.Next(2) == 0,
                    _ => false,
                };
            }

            doorbell.LastUsed = ++_tick;
            Volatile.Write(ref *doorbell.Status, doorbell.NotifyRequired ? StatusConnectedNotify : StatusConnected);
            MaybeInjectRandomFaultLocked();
            return NtStatus.Success;
        }
    }

    /// <inheritdoc />
    public int DestroyDoorbell(uint doorbellHandle)
    {
        lock (_gate)
        {
            if (!_doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell))
                return NtStatus.InvalidParameter;
            if (doorbell.Connected)
                DisconnectLocked([doorbell], StatusRetry);
            _doorbells.Remove(doorbellHandle);
            if (doorbell.Queue.Doorbell == doorbell)
                doorbell.Queue.Doorbell = null;
            NativePages.Free(doorbell.Page);
            NativePages.Free(doorbell.SecondaryPage);
            NativePages.Free(doorbell.Status);
            doorbell.Page = doorbell.SecondaryPage = doorbell.Status = null;
            return NtStatus.Success;
        }
    }

    /// <inheritdoc />
    public int NotifyWorkSubmission(uint doorbellHandle)
    {
        lock (_gate)
        {
            if (_deviceLost || _disposed)
                return NtStatus.DeviceRemoved;
            if (!_doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell))
                return NtStatus.InvalidParameter;
            if (doorbell.Connected)
            {
                // The kernel-mode driver kicks the GPU: the ring is received even in CONNECTED_NOTIFY mode.
                LatchLocked(doorbell);
                ExecuteLocked(doorbell.Queue);
            }

            MaybeInjectRandomFaultLocked();
            return NtStatus.Success;
        }
    }

    // ---- Queues (IHardwareQueueProvider) ----

    /// <inheritdoc />
    public HardwareQueueResources CreateHardwareQueue(HardwareQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RingBufferSize < 4096 || (options.RingBufferSize & (options.RingBufferSize - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.RingBufferSize, "HardwareQueueOptions.RingBufferSize must be a power of two of at least 4096 bytes.");
        if (options.EngineIndex < 0 || options.EngineIndex >= _options.EngineCount)
            throw new ArgumentOutOfRangeException(nameof(options), options.EngineIndex, $"HardwareQueueOptions.EngineIndex must name one of the adapter's {_options.EngineCount} engines (0 to {_options.EngineCount - 1}).");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var queue = new SimQueue
            {
                Handle = NextHandle(),
                RingBufferHandle = NextHandle(),
                ControlHandle = NextHandle(),
                Engine = options.EngineIndex,
                Size = options.RingBufferSize,
                Ring = (byte*)NativePages.Allocate(options.RingBufferSize),
                Control = (ulong*)NativePages.Allocate(NativePages.PageSize),
                CompletedFence = (ulong*)NativePages.Allocate(NativePages.PageSize),
                LastQueuedFence = (ulong*)NativePages.Allocate(NativePages.PageSize),
            };
            queue.Record.VerifyDeliveries = _options.VerifyEveryDelivery;
            _queues.Add(queue.Handle, queue);
            _allQueues.Add(queue);
            return new HardwareQueueResources
            {
                HardwareQueueHandle = queue.Handle,
                RingBufferHandle = queue.RingBufferHandle,
                RingBufferControlHandle = queue.ControlHandle,
                RingBufferAddress = (nint)queue.Ring,
                RingBufferSize = queue.Size,
                RingBufferControlAddress = (nint)queue.Control,
                ProgressFenceCompletedValueAddress = (nint)queue.CompletedFence,
                EngineIndex = queue.Engine,
            };
        }
    }

    /// <inheritdoc />
    public void DestroyHardwareQueue(HardwareQueueResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        lock (_gate)
        {
            if (!_queues.TryGetValue(resources.HardwareQueueHandle, out SimQueue? queue))
                throw new ArgumentException($"Hardware queue {resources.HardwareQueueHandle} does not belong to this adapter or was destroyed already.", nameof(resources));
            if (queue.Doorbell is { } orphan)
            {
                // A doorbell still alive (made with Doorbell.Create): its pages stay mapped until it is destroyed,
                // so its owner gets ABORT and errors instead of touching freed memory.
                DisconnectLocked([orphan], StatusAbort);
                queue.Doorbell = null;
            }

            ExecuteLocked(queue);
            queue.FinalAudit = AuditQueue(queue);
            queue.Destroyed = true;
            _queues.Remove(queue.Handle);
            NativePages.Free(queue.Ring);
            NativePages.Free(queue.Control);
            NativePages.Free(queue.CompletedFence);
            NativePages.Free(queue.LastQueuedFence);
            queue.Ring = null;
            queue.Control = queue.CompletedFence = queue.LastQueuedFence = null;
        }
    }

    // ---- Driving the OS events ----

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

    /// <summary>Lets the simulated GPU take the rings of connected doorbells and execute what it received.</summary>
    public void RunEngine()
    {
        lock (_gate)
            StepLocked(injectFaults: true);
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

    /// <summary>
    /// Stops the background GPU thread; later kernel calls fail with STATUS_DEVICE_REMOVED. Memory of live queues is
    /// freed when they are disposed. Idempotent. <see cref="Default"/> ignores it: other code shares it.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed || _isDefault)
                return;
            _disposed = true;
        }

        _engineThread?.Join();
    }

    // ---- The simulated OS and GPU (all under _gate) ----

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

    /// <summary>The GPU takes the value last rung on a connected doorbell.</summary>
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
            if (!TryParsePacket(queue, read, queue.Received, out ulong fence, out ulong size))
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

    private static bool TryParsePacket(SimQueue queue, ulong position, ulong end, out ulong fence, out ulong size)
    {
        fence = 0;
        size = 0;
        ulong mask = (ulong)queue.Size - 1;
        if (end - position < 16 || (position & 7) != 0)
            return false;
        ulong header = *(ulong*)(queue.Ring + (position & mask));
        if ((uint)header != PacketMagic)
            return false;
        ulong length = header >> 32;
        size = 16 + ((length + 7) & ~7UL);
        if (size > (ulong)queue.Size || end - position < size)
            return false;
        fence = *(ulong*)(queue.Ring + ((position + 8) & mask));
        return true;
    }

    /// <summary>
    /// The OS disconnect sequence: status first, then a process-wide barrier (the TLB shootdown of the real remap), so
    /// that any ring whose status read still said CONNECTED is visible and taken before the address leads to the dummy page.
    /// </summary>
    private void DisconnectLocked(IReadOnlyList<SimDoorbell> doorbells, ulong status)
    {
        foreach (SimDoorbell doorbell in doorbells)
            Volatile.Write(ref *doorbell.Status, status);
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
        SimulatedFaultKinds kind = _randomKinds[_random.Next(_randomKinds.Length)];
        switch (kind)
        {
            case SimulatedFaultKinds.Victimize:
            {
                var connected = _doorbells.Values.Where(d => d.Connected).OrderBy(d => d.Handle).ToList();
                if (connected.Count == 0)
                    return new SimulatedFault(SimulatedFaultKind.None, 0, -1);
                SimDoorbell victim = connected[_random.Next(connected.Count)];
                _victimizations++;
                DisconnectLocked([victim], StatusRetry);
                return new SimulatedFault(SimulatedFaultKind.Victimize, victim.Queue.Handle, -1);
            }

            case SimulatedFaultKinds.SuspendResume:
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

            case SimulatedFaultKinds.EngineF1:
            {
                int engine = _random.Next(_options.EngineCount);
                EngineF1Locked(engine);
                return new SimulatedFault(SimulatedFaultKind.EngineF1, 0, engine);
            }

            case SimulatedFaultKinds.PowerDown:
                PowerDownLocked();
                return new SimulatedFault(SimulatedFaultKind.PowerDown, 0, -1);
            default:
                LoseDeviceLocked();
                return new SimulatedFault(SimulatedFaultKind.DeviceLost, 0, -1);
        }
    }

    private QueueAudit AuditQueue(SimQueue queue)
    {
        // What the GPU received: executed packets plus those waiting (suspended context, device in D3).
        ulong receivedFence = queue.ExecutedFence;
        long pending = 0;
        if (queue.Ring != null)
        {
            ulong position = queue.ReadPointer;
            while (position < queue.Received && TryParsePacket(queue, position, queue.Received, out ulong fence, out ulong size))
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

    private SimQueue FindQueueLocked(uint handle) =>
        _queues.TryGetValue(handle, out SimQueue? queue)
            ? queue
            : throw new ArgumentException($"Hardware queue {handle} does not belong to this adapter or was destroyed.", "queue");

    private static uint HandleOf(HardwareQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return queue.Resources.HardwareQueueHandle;
    }

    private uint NextHandle() => _nextHandle += 4;
}

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
/// <para>
/// The type is split by role: this file holds its state and lifetime; <c>.Kernel.cs</c> the D3DKMT entry points,
/// <c>.Queues.cs</c> the queues it creates, <c>.OsEvents.cs</c> the OS events and random faults, <c>.Gpu.cs</c> the
/// simulated GPU, <c>.Audit.cs</c> the audit. All state is guarded by one lock.
/// </para>
/// </summary>
public sealed unsafe partial class SimulatedAdapter : IDoorbellKernel, IHardwareQueueProvider, ISubmissionAuditSink, IDisposable
{
    private const ulong StatusConnected = 0, StatusConnectedNotify = 1, StatusRetry = 2, StatusAbort = 3;

    private static readonly Lazy<SimulatedAdapter> s_default = new(() => new SimulatedAdapter { _isDefault = true });

    private readonly object _gate = new();
    private readonly SimulatedAdapterOptions _options;
    private readonly Random _random;
    private readonly Dictionary<uint, SimQueue> _queues = new();
    private readonly List<SimQueue> _allQueues = new();
    private readonly Dictionary<uint, SimDoorbell> _doorbells = new();
    private readonly List<DoorbellCounters> _allCounters = new();
    private readonly SimulatedFaultSet[] _randomKinds;
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
    private long _victimizations, _engineF1, _powerDowns, _wakes, _suspensions, _resumes, _deviceLosses, _kernelConnects, _doorbellsDestroyed;

    /// <summary>Creates an adapter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message says which).</exception>
    public SimulatedAdapter(SimulatedAdapterOptions? options = null)
    {
        _options = options ?? new SimulatedAdapterOptions();
        _options.Validate();
        _random = new Random(_options.Seed);
        _randomKinds = Enum.GetValues<SimulatedFaultSet>()
            .Where(k => k is not (SimulatedFaultSet.None or SimulatedFaultSet.Recoverable) && _options.RandomFaultKinds.HasFlag(k))
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

    /// <summary>How many doorbells exist right now: created and not yet destroyed (by <c>Dispose</c> or, for one nobody disposed, by its finalizer).</summary>
    public int DoorbellCount
    {
        get { lock (_gate) return _doorbells.Count; }
    }

    /// <summary>How many doorbells D3DKMTDestroyDoorbell has destroyed since the adapter was created.</summary>
    public long DestroyedDoorbellCount
    {
        get { lock (_gate) return _doorbellsDestroyed; }
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

    /// <summary>Writes a status word as the simulated OS does: the connection status in the low half, <see cref="SimulatedAdapterOptions.StatusHighBits"/> above it.</summary>
    private void WriteStatusLocked(SimDoorbell doorbell, ulong connectionStatus) =>
        Volatile.Write(ref *doorbell.Status, ((ulong)_options.StatusHighBits << 32) | connectionStatus);

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

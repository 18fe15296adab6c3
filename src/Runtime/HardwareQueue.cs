using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using DoorbellGuard.Simulation;

namespace DoorbellGuard;

/// <summary>
/// A hardware queue fed through its doorbell: a ring buffer, its control area, and at most one live doorbell.
/// <see cref="Submit(ReadOnlySpan{byte})"/> runs the whole documented submission sequence.
/// <para>
/// Backends: <see cref="HardwareQueue()"/> runs on the process-wide simulated adapter, since a real queue needs your
/// D3DKMT device; <see cref="HardwareQueue(IHardwareQueueProvider, HardwareQueueOptions?)"/> lets a provider (a
/// simulated adapter of your own) create the queue; <see cref="HardwareQueue(IDoorbellKernel, HardwareQueueResources, HardwareQueueOptions?)"/>
/// adopts a queue your own D3DKMT code created (the Windows backend).
/// </para>
/// <para>
/// Thread safety: every member is thread-safe. Concurrent <see cref="Submit(ReadOnlySpan{byte})"/> calls are
/// serialized (a ring buffer has one write pointer). <see cref="Dispose"/> waits for a running Submit.
/// </para>
/// </summary>
public sealed unsafe class HardwareQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly IHardwareQueueProvider? _provider;
    private readonly ISubmissionAuditSink? _audit;
    private readonly QueueAuditRecord? _record;
    private readonly HardwareQueueOptions _options;
    private readonly DoorbellOptions _doorbellOptions;
    private readonly byte* _ring;
    private readonly ulong _ringMask;
    private readonly ulong* _control;
    private readonly ulong* _completedFence;
    private Doorbell? _doorbell;
    private bool _doorbellConnected;
    private ulong _writePointer;
    private ulong _lastQueuedFence;
    private bool _aborted;
    private bool _disposed;

    /// <summary>
    /// Creates a queue on the default backend: the process-wide simulated adapter (<c>SimulatedAdapter.Default</c>).
    /// A real GPU queue needs your D3DKMT device and allocations: see
    /// <see cref="HardwareQueue(IDoorbellKernel, HardwareQueueResources, HardwareQueueOptions?)"/>.
    /// </summary>
    public HardwareQueue() : this(SimulatedAdapter.Default, null)
    {
    }

    /// <summary>Creates a queue, its ring buffer and control area through <paramref name="provider"/>, which frees them on <see cref="Dispose"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message says which).</exception>
    public HardwareQueue(IHardwareQueueProvider provider, HardwareQueueOptions? options = null)
        : this(provider?.Kernel ?? throw new ArgumentNullException(nameof(provider)),
               CreateResources(provider, options ??= new HardwareQueueOptions()), options, provider)
    {
    }

    /// <summary>
    /// Adopts a hardware queue you created yourself (for the Windows backend: D3DKMTCreateHwQueue with the
    /// UserModeSubmission flag and your own ring buffer allocations). You keep ownership of the handles and
    /// allocations; <see cref="Dispose"/> destroys only the doorbell. The queue starts from the write pointer it reads
    /// in the control area, so the addresses must be mapped and readable.
    /// </summary>
    /// <exception cref="ArgumentException">A handle, address or size is invalid (the message says which).</exception>
    public HardwareQueue(IDoorbellKernel kernel, HardwareQueueResources resources, HardwareQueueOptions? options = null)
        : this(kernel ?? throw new ArgumentNullException(nameof(kernel)), resources ?? throw new ArgumentNullException(nameof(resources)), options ?? new HardwareQueueOptions(), null)
    {
    }

    private HardwareQueue(IDoorbellKernel kernel, HardwareQueueResources resources, HardwareQueueOptions options, IHardwareQueueProvider? provider)
    {
        resources.Validate();
        ValidateTimeout(options);
        Kernel = kernel;
        Resources = resources;
        _provider = provider;
        _options = options;
        _doorbellOptions = Doorbell.ValidateOptions(options.Doorbell);
        _audit = kernel as ISubmissionAuditSink;
        _record = _audit?.RecordFor(resources.HardwareQueueHandle);
        _ring = (byte*)resources.RingBufferAddress;
        _ringMask = (ulong)resources.RingBufferSize - 1;
        _control = (ulong*)resources.RingBufferControlAddress;
        _completedFence = (ulong*)resources.ProgressFenceCompletedValueAddress;
        _writePointer = Volatile.Read(ref _control[1]);
    }

    private static HardwareQueueResources CreateResources(IHardwareQueueProvider provider, HardwareQueueOptions options)
    {
        // Validate everything before the provider allocates, so a bad option leaks nothing.
        if (options.RingBufferSize < 4096 || (options.RingBufferSize & (options.RingBufferSize - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.RingBufferSize, "HardwareQueueOptions.RingBufferSize must be a power of two of at least 4096 bytes.");
        ValidateTimeout(options);
        Doorbell.ValidateOptions(options.Doorbell);
        return provider.CreateHardwareQueue(options) ?? throw new InvalidOperationException("The hardware queue provider returned no resources.");
    }

    /// <summary>The backend that manages this queue's doorbell.</summary>
    public IDoorbellKernel Kernel { get; }

    /// <summary>The queue's handles and addresses.</summary>
    public HardwareQueueResources Resources { get; }

    /// <summary>The queue's live doorbell, or null when it has none yet (Submit creates one on first use).</summary>
    public Doorbell? Doorbell
    {
        get { lock (_gate) return _doorbell; }
    }

    /// <summary>The fence value of the last command buffer queued (0 before the first).</summary>
    public ulong LastQueuedFenceValue
    {
        get { lock (_gate) return _lastQueuedFence; }
    }

    /// <summary>The progress fence value the GPU has completed, read from <see cref="HardwareQueueResources.ProgressFenceCompletedValueAddress"/>.</summary>
    /// <exception cref="NotSupportedException">The resources give no completed-value address.</exception>
    public ulong CompletedFenceValue
    {
        get
        {
            if (_completedFence == null)
                throw new NotSupportedException("This queue's resources give no ProgressFenceCompletedValueAddress, so the completed fence value cannot be read.");
            ThrowIfDisposed();
            return Volatile.Read(ref *_completedFence);
        }
    }

    /// <summary>True once a submission met DISCONNECTED_ABORT: the device is lost and every later Submit throws <see cref="DoorbellAbortedException"/>.</summary>
    public bool IsAborted
    {
        get { lock (_gate) return _aborted; }
    }

    /// <summary>
    /// Creates the queue's doorbell (D3DKMTCreateDoorbell); it starts disconnected, so call
    /// <see cref="DoorbellGuard.Doorbell.Connect"/> before the first ring. A queue has one doorbell at a time; the queue
    /// disposes it when it is disposed, and <see cref="Submit(ReadOnlySpan{byte})"/> uses it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The queue already has a live doorbell.</exception>
    /// <exception cref="DoorbellException">The OS refused (NTSTATUS in the message).</exception>
    public Doorbell CreateDoorbell(DoorbellOptions? options = null)
    {
        DoorbellOptions validated = Doorbell.ValidateOptions(options);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_doorbell != null)
            {
                throw new InvalidOperationException("Hardware queue " + Resources.HardwareQueueHandle.ToString(CultureInfo.InvariantCulture)
                    + " already has a live doorbell (handle " + _doorbell.Handle.ToString(CultureInfo.InvariantCulture) + "): use HardwareQueue.Doorbell, or dispose it before creating another.");
            }

            _doorbell = CreateDoorbellCore(validated);
            _doorbellConnected = false;
            return _doorbell;
        }
    }

    /// <summary>
    /// Submits a command buffer and returns its progress fence value, running the documented sequence: pick fence
    /// N+1; write it to the last-queued-value address; append the command buffer to the ring buffer and advance the
    /// write pointer; ring; read the status and notify, or connect and go back to writing the fence, or give up.
    /// Creates and connects the doorbell on first use. Thread-safe; allocates nothing while the doorbell stays connected.
    /// </summary>
    /// <param name="commandBuffer">The commands. The ring holds them after DoorbellGuard's 16-byte packet header (magic, length, fence value).</param>
    /// <returns>The fence value the GPU signals when it has executed the command buffer.</returns>
    /// <exception cref="DoorbellAbortedException">The device is lost; this and every later submission failed.</exception>
    /// <exception cref="DoorbellException">
    /// The ring was not confirmed (retries exhausted, a kernel call failed): the command buffer stays queued under
    /// <see cref="DoorbellException.FenceValue"/> and runs with the next confirmed ring, so do not submit it again.
    /// Or the ring buffer stayed full too long (FenceValue null: nothing was queued).
    /// </exception>
    /// <exception cref="ArgumentException">The command buffer does not fit in the ring buffer.</exception>
    /// <exception cref="ObjectDisposedException">The queue was disposed.</exception>
    public ulong Submit(ReadOnlySpan<byte> commandBuffer)
    {
        lock (_gate)
        {
            Doorbell doorbell = PrepareSubmission(commandBuffer.Length);
            QueuedCommandBuffer queued = EnqueueCore(commandBuffer, doorbell);
            try
            {
                doorbell.RingAndConfirmCore(queued.WritePointer, doorbell.ProgressFenceLastQueuedAddress, queued.FenceValue);
            }
            catch (DoorbellAbortedException)
            {
                _aborted = true;
                _record?.OnSurfaced(queued.FenceValue);
                throw;
            }
            catch (DoorbellException ex)
            {
                // The packet cannot be taken back: the GPU may have received the ring before the status changed.
                // A later ring of a higher write pointer delivers it, and repeated rings are harmless.
                _record?.OnSurfaced(queued.FenceValue);
                string fence = queued.FenceValue.ToString(CultureInfo.InvariantCulture);
                throw new DoorbellException("The command buffer with fence " + fence + " was queued, but its ring was not confirmed: " + ex.Message
                    + " It stays in the ring buffer and runs with the next confirmed ring on this queue: do not submit it again; submit more work"
                    + " (an empty command buffer will do) and wait for fence " + fence + ".", ex)
                {
                    FenceValue = queued.FenceValue,
                };
            }

            if (_record != null)
            {
                _record.OnDelivered(queued.FenceValue);
                if (_record.VerifyDeliveries)
                    _audit!.VerifyDelivered(Resources.HardwareQueueHandle, queued.WritePointer);
            }

            return queued.FenceValue;
        }
    }

    /// <summary>
    /// Steps 1 to 3 of the sequence without the ring: writes fence N+1 to the last-queued-value address, appends the
    /// command buffer and advances the write pointer. The GPU sees nothing until you ring
    /// <see cref="QueuedCommandBuffer.WritePointer"/> on <see cref="Doorbell"/> and check the status. Creates and
    /// connects the doorbell on first use. Serialize Enqueue and your ring yourself; Submit does both under one lock.
    /// </summary>
    /// <exception cref="DoorbellAbortedException">The device is lost.</exception>
    /// <exception cref="DoorbellException">The ring buffer stayed full, or connecting the new doorbell failed.</exception>
    public QueuedCommandBuffer Enqueue(ReadOnlySpan<byte> commandBuffer)
    {
        lock (_gate)
        {
            Doorbell doorbell = PrepareSubmission(commandBuffer.Length);
            return EnqueueCore(commandBuffer, doorbell);
        }
    }

    /// <summary>Waits until the GPU has completed <paramref name="fenceValue"/>; false when <paramref name="timeout"/> passes first.</summary>
    /// <exception cref="NotSupportedException">The resources give no completed-value address.</exception>
    public bool WaitForFence(ulong fenceValue, TimeSpan timeout)
    {
        long start = Stopwatch.GetTimestamp();
        var spinner = new SpinWait();
        while (CompletedFenceValue < fenceValue)
        {
            if (Stopwatch.GetElapsedTime(start) >= timeout)
                return false;
            _audit?.RunEngine();
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }

    /// <summary>
    /// Destroys the queue's doorbell and, when a provider created the queue, the queue and its allocations. Idempotent.
    /// Disposal order: a doorbell disposed first is already destroyed (the queue forgets it, and a later Submit would
    /// create a new one); a doorbell disposed after the queue was destroyed with it (its Dispose does nothing more);
    /// a queue and doorbell nobody disposes are destroyed by the doorbell handle's finalizer, once both are unreachable.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            Doorbell? doorbell = _doorbell;
            _doorbell = null;
            doorbell?.Dispose();
            _provider?.DestroyHardwareQueue(Resources);
        }
    }

    internal void OnDoorbellDisposed(Doorbell doorbell)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_doorbell, doorbell))
                _doorbell = null;
        }
    }

    private Doorbell CreateDoorbellCore(DoorbellOptions options)
    {
        var flags = options.RequireSecondaryCpuVirtualAddress ? DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress : DoorbellCreateFlags.None;
        var parameters = new DoorbellCreateParameters(Resources.HardwareQueueHandle, Resources.RingBufferHandle, Resources.RingBufferControlHandle, flags);
        return DoorbellGuard.Doorbell.CreateCore(Kernel, parameters, options, this);
    }

    private Doorbell PrepareSubmission(int commandBufferLength)
    {
        ThrowIfDisposed();
        if (_aborted)
        {
            _record?.OnRejected();
            throw new DoorbellAbortedException("Hardware queue " + Resources.HardwareQueueHandle.ToString(CultureInfo.InvariantCulture)
                + " met DISCONNECTED_ABORT earlier: the device is lost and nothing was queued. Destroy and re-create the queue, doorbell and ring buffer, or fall back to kernel-mode submission.");
        }

        if ((ulong)RingPacket.SizeOf(commandBufferLength) > _ringMask + 1)
        {
            throw new ArgumentException("The command buffer is " + commandBufferLength.ToString(CultureInfo.InvariantCulture) + " bytes but the ring buffer holds "
                + (_ringMask + 1).ToString(CultureInfo.InvariantCulture) + " bytes with a 16-byte header per command buffer: split it or use a larger ring buffer.", "commandBuffer");
        }

        Doorbell? doorbell = _doorbell;
        if (doorbell == null || doorbell.IsDisposed)
        {
            doorbell = _doorbell = CreateDoorbellCore(_doorbellOptions);
            _doorbellConnected = false;
        }

        if (!_doorbellConnected)
        {
            try
            {
                doorbell.Connect();
            }
            catch (DoorbellException ex)
            {
                if (ex is DoorbellAbortedException)
                    _aborted = true;
                _record?.OnRejected();
                throw;
            }

            _doorbellConnected = true;
        }

        if (doorbell.ProgressFenceLastQueuedAddress == null)
            throw new DoorbellException("The doorbell has no progress-fence last-queued-value address (WDDM 3.1 layout?): Submit needs WDDM 3.2.");
        return doorbell;
    }

    private QueuedCommandBuffer EnqueueCore(ReadOnlySpan<byte> commandBuffer, Doorbell doorbell)
    {
        ulong packetSize = (ulong)RingPacket.SizeOf(commandBuffer.Length);
        WaitForSpace(packetSize);

        // Step 1-2: the fence value is published before the write pointer moves.
        ulong fence = _lastQueuedFence + 1;
        Volatile.Write(ref *doorbell.ProgressFenceLastQueuedAddress, fence);

        // Step 3: the packet, then the write pointer.
        ulong position = _writePointer;
        RingPacket.Write(_ring, (int)(_ringMask + 1), position, fence, commandBuffer);
        ulong newWritePointer = position + packetSize;
        Volatile.Write(ref _control[1], newWritePointer);

        _writePointer = newWritePointer;
        _lastQueuedFence = fence;
        return new QueuedCommandBuffer(fence, newWritePointer);
    }

    private void WaitForSpace(ulong packetSize)
    {
        ulong capacity = _ringMask + 1;
        if (_writePointer + packetSize - Volatile.Read(ref _control[0]) <= capacity)
            return;
        long start = Stopwatch.GetTimestamp();
        var spinner = new SpinWait();
        while (_writePointer + packetSize - Volatile.Read(ref _control[0]) > capacity)
        {
            if (Stopwatch.GetElapsedTime(start) >= _options.RingBufferFullTimeout)
            {
                throw new DoorbellException("The ring buffer of hardware queue " + Resources.HardwareQueueHandle.ToString(CultureInfo.InvariantCulture)
                    + " stayed full for " + _options.RingBufferFullTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)
                    + " s: the GPU consumed nothing (queue suspended, device powered down, or rings that never reached it). Nothing was queued.");
            }

            _audit?.RunEngine();
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private static void ValidateTimeout(HardwareQueueOptions options)
    {
        if (options.RingBufferFullTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.RingBufferFullTimeout, "HardwareQueueOptions.RingBufferFullTimeout must be positive.");
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(HardwareQueue), "The hardware queue was disposed; create a new one.");
    }
}

using System;
using System.Globalization;
using System.Threading;

namespace DoorbellGuard;

/// <summary>
/// The doorbell of a hardware queue: the ring, status, connect and notify operations of WDDM 3.2 user-mode submission.
/// Get one from <see cref="HardwareQueue.CreateDoorbell(DoorbellOptions?)"/> (or <see cref="Create"/> for your own
/// queue code). A new doorbell is disconnected: call <see cref="Connect"/> before the first ring.
/// <para>
/// Thread safety: every member except <see cref="Dispose"/> may be called from several threads at once.
/// <see cref="Ring(ulong)"/> and <see cref="ReadStatus"/> are single memory accesses; rings from several threads
/// reach the GPU in the order the writes land, so serialize your own ring buffer updates (HardwareQueue does).
/// Do not call <see cref="Dispose"/> while another thread uses the doorbell: its addresses die with it.
/// </para>
/// </summary>
public sealed unsafe class Doorbell : IDisposable
{
    private readonly IDoorbellKernel _kernel;
    private readonly HardwareQueue? _queue;
    private readonly DoorbellCounters? _counters;
    private readonly int _maxRingAttempts;
    private ulong* _doorbell;
    private ulong* _secondary;
    private ulong* _status;
    private ulong* _progressFenceLastQueued;
    private int _disposed;

    internal Doorbell(IDoorbellKernel kernel, in DoorbellMapping mapping, DoorbellOptions options, HardwareQueue? queue)
    {
        if (mapping.DoorbellAddress == 0 || mapping.StatusAddress == 0)
            throw new DoorbellException("D3DKMTCreateDoorbell succeeded but returned a null doorbell or status address: the kernel did not map the doorbell.");
        _kernel = kernel;
        _queue = queue;
        Mapping = mapping;
        _maxRingAttempts = options.MaxRingAttempts;
        _doorbell = (ulong*)mapping.DoorbellAddress;
        _secondary = (ulong*)mapping.SecondaryDoorbellAddress;
        _status = (ulong*)mapping.StatusAddress;
        _progressFenceLastQueued = (ulong*)mapping.ProgressFenceLastQueuedValueAddress;
        _counters = (kernel as ISubmissionAuditSink)?.CountersFor(mapping.DoorbellHandle);
    }

    /// <summary>
    /// Creates a doorbell for a queue you manage yourself (D3DKMTCreateDoorbell). The doorbell starts disconnected.
    /// </summary>
    /// <param name="kernel">The backend.</param>
    /// <param name="parameters">The queue and allocation handles and the flags.</param>
    /// <param name="options">Retry policy; null for the defaults.</param>
    /// <exception cref="DoorbellException">The OS refused; the message gives the NTSTATUS and its meaning.</exception>
    public static Doorbell Create(IDoorbellKernel kernel, in DoorbellCreateParameters parameters, DoorbellOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return CreateCore(kernel, parameters, ValidateOptions(options), queue: null);
    }

    internal static Doorbell CreateCore(IDoorbellKernel kernel, in DoorbellCreateParameters parameters, DoorbellOptions options, HardwareQueue? queue)
    {
        int status = kernel.CreateDoorbell(parameters, out DoorbellMapping mapping);
        if (!NtStatus.IsSuccess(status))
        {
            throw DoorbellException.FromStatus("D3DKMTCreateDoorbell", status,
                "No doorbell was created for hardware queue " + parameters.HardwareQueueHandle.ToString(CultureInfo.InvariantCulture)
                + ": check that the queue was created with the UserModeSubmission flag, that its ring buffer allocations are GPU-visible and resident, and that it has no live doorbell.");
        }

        return new Doorbell(kernel, mapping, options, queue);
    }

    internal static DoorbellOptions ValidateOptions(DoorbellOptions? options)
    {
        options ??= new DoorbellOptions();
        if (options.MaxRingAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRingAttempts, "DoorbellOptions.MaxRingAttempts must be at least 1: it counts the first ring.");
        return options;
    }

    /// <summary>The doorbell handle and the addresses the OS mapped for it.</summary>
    public DoorbellMapping Mapping { get; }

    /// <summary>The doorbell handle (hDoorbell).</summary>
    public uint Handle => Mapping.DoorbellHandle;

    /// <summary>The most rings <see cref="RingAndConfirm(ulong)"/> makes while the status stays DISCONNECTED_RETRY.</summary>
    public int MaxRingAttempts => _maxRingAttempts;

    /// <summary>True once <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal ulong* ProgressFenceLastQueuedAddress => _progressFenceLastQueued;

    /// <summary>
    /// Connects the doorbell (D3DKMTConnectDoorbell), which may victimize another queue's doorbell and wakes a
    /// powered-down device. Then ring again: a ring made while disconnected was lost.
    /// </summary>
    /// <exception cref="DoorbellAbortedException">The device is lost (STATUS_DEVICE_REMOVED, or the status reads DISCONNECTED_ABORT).</exception>
    /// <exception cref="DoorbellException">The OS refused; the message gives the NTSTATUS in hex and its meaning.</exception>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public void Connect()
    {
        ThrowIfDisposed();
        int status = _kernel.ConnectDoorbell(Mapping.DoorbellHandle);
        if (!NtStatus.IsSuccess(status))
        {
            throw DoorbellException.FromStatus("D3DKMTConnectDoorbell", status,
                "Doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + " stays disconnected and rings on it are lost; check that it was not destroyed and belongs to this device.");
        }

        if (ReadStatus() == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException(AbortMessage("D3DKMTConnectDoorbell succeeded but the status then read DISCONNECTED_ABORT"));
    }

    /// <summary>
    /// Rings the doorbell: a volatile 64-bit write of <paramref name="value"/> (the new ring buffer write pointer) to the
    /// doorbell address, and to the secondary address when there is one. Nothing more: while the doorbell is
    /// disconnected the write lands on a dummy page and is lost, so read the status next (<see cref="ReadStatus"/>),
    /// or use <see cref="RingAndConfirm(ulong)"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public void Ring(ulong value)
    {
        ulong* doorbell = _doorbell;
        if (doorbell == null)
            ThrowDisposed();
        Volatile.Write(ref *doorbell, value);
        ulong* secondary = _secondary;
        if (secondary != null)
            Volatile.Write(ref *secondary, value);
    }

    /// <summary>Reads the status the OS keeps for the doorbell: a volatile read of the status page (its low 32 bits).</summary>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public DoorbellStatus ReadStatus()
    {
        ulong* status = _status;
        if (status == null)
            ThrowDisposed();
        return (DoorbellStatus)(uint)Volatile.Read(ref *status);
    }

    /// <summary>Tells the kernel-mode driver about a ring (D3DKMTNotifyWorkSubmission): required after every ring while the status is CONNECTED_NOTIFY. Costs a kernel round trip.</summary>
    /// <exception cref="DoorbellAbortedException">The device is lost.</exception>
    /// <exception cref="DoorbellException">The OS refused; the message gives the NTSTATUS in hex and its meaning.</exception>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public void NotifyWorkSubmission()
    {
        ThrowIfDisposed();
        int status = _kernel.NotifyWorkSubmission(Mapping.DoorbellHandle);
        if (!NtStatus.IsSuccess(status))
        {
            throw DoorbellException.FromStatus("D3DKMTNotifyWorkSubmission", status,
                "The kernel-mode driver was not told about the ring on doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + ", so the work may never run.");
        }

        if (_counters != null)
            Interlocked.Increment(ref _counters.Notifies);
    }

    /// <summary>
    /// The documented protocol in one call: ring, read the status, and act on it. CONNECTED returns at once;
    /// CONNECTED_NOTIFY notifies and returns; DISCONNECTED_RETRY connects and rings again, at most
    /// <see cref="MaxRingAttempts"/> rings in all; DISCONNECTED_ABORT throws. Thread-safe; allocates nothing unless it throws.
    /// </summary>
    /// <param name="value">The new ring buffer write pointer.</param>
    /// <returns>The final status: <see cref="DoorbellStatus.Connected"/> or <see cref="DoorbellStatus.ConnectedNotify"/>.</returns>
    /// <exception cref="DoorbellAbortedException">The device is lost: the ring did not reach the GPU.</exception>
    /// <exception cref="DoorbellException">The doorbell stayed disconnected for every attempt, or a kernel call failed.</exception>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public DoorbellStatus RingAndConfirm(ulong value) => RingAndConfirmCore(value, null, 0);

    /// <summary>RingAndConfirm that, on DISCONNECTED_RETRY, also writes the fence value again after connecting (step 2 of the documented sequence).</summary>
    internal DoorbellStatus RingAndConfirmCore(ulong value, ulong* progressFence, ulong fenceValue)
    {
        DoorbellCounters? counters = _counters;
        for (int attempt = 1; ; attempt++)
        {
            if (counters != null)
                counters.RingAttempts++; // informational: exact when one thread rings the doorbell (Submit serializes per queue)
            Ring(value);
            DoorbellStatus status = ReadStatus();
            switch (status)
            {
                case DoorbellStatus.Connected:
                    return status;
                case DoorbellStatus.ConnectedNotify:
                    NotifyWorkSubmission();
                    return status;
                case DoorbellStatus.DisconnectedAbort:
                    throw new DoorbellAbortedException(AbortMessage(
                        "The status read DISCONNECTED_ABORT after ring attempt " + attempt.ToString(CultureInfo.InvariantCulture) + ", so the ring did not reach the GPU"));
                case DoorbellStatus.DisconnectedRetry:
                    break;
                default:
                    throw new DoorbellException("The status page of doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + " holds "
                        + ((uint)status).ToString(CultureInfo.InvariantCulture) + ", which is not a D3DDDI_DOORBELLSTATUS value (0 to 3); the ring may not have reached the GPU.");
            }

            if (attempt >= _maxRingAttempts)
            {
                throw new DoorbellException("Doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + " was still DISCONNECTED_RETRY after "
                    + attempt.ToString(CultureInfo.InvariantCulture) + " ring attempts (each retry connected first), so the ring may not have reached the GPU; ringing the same value again later is harmless. "
                    + "Other queues keep taking its physical doorbell: use fewer queues than the GPU has doorbells, or raise DoorbellOptions.MaxRingAttempts.");
            }

            if (counters != null)
                Interlocked.Increment(ref counters.Retries);
            if (attempt > 2)
                Backoff(attempt);
            Connect();
            if (counters != null)
                Interlocked.Increment(ref counters.Reconnects);
            if (progressFence != null)
                Volatile.Write(ref *progressFence, fenceValue);
        }
    }

    /// <summary>Destroys the doorbell (D3DKMTDestroyDoorbell). Idempotent; never throws. Its addresses are dead afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _doorbell = null;
        _secondary = null;
        _status = null;
        _progressFenceLastQueued = null;
        // Dispose does not throw: a failed destroy (STATUS_INVALID_PARAMETER) means the OS has no such doorbell any more.
        _kernel.DestroyDoorbell(Mapping.DoorbellHandle);
        _queue?.OnDoorbellDisposed(this);
    }

    private static void Backoff(int attempt)
    {
        // Queues that keep victimizing each other need the other side to make progress first.
        if (attempt < 6)
            Thread.Yield();
        else
            Thread.Sleep(attempt < 10 ? 0 : 1);
    }

    private string AbortMessage(string what) =>
        what + " on doorbell " + Handle.ToString(CultureInfo.InvariantCulture)
        + ": the device is lost (TDR, GPU stopped or adapter removed). Stop using this queue: destroy and re-create the queue, doorbell and ring buffer, or fall back to kernel-mode submission.";

    private void ThrowIfDisposed()
    {
        if (_disposed != 0)
            ThrowDisposed();
    }

    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Doorbell), "The doorbell was disposed (destroyed); its addresses are dead. Create a new one with HardwareQueue.CreateDoorbell().");
}

/// <summary>Per-doorbell counters the simulator's audit reads; null on real backends.</summary>
internal sealed class DoorbellCounters
{
    public long RingAttempts;
    public long Retries;
    public long Reconnects;
    public long Notifies;
}

/// <summary>Implemented by the simulator: the runtime tells it what it reported to the caller, so the audit can tell lost work from surfaced work.</summary>
internal interface ISubmissionAuditSink
{
    DoorbellCounters? CountersFor(uint doorbellHandle);

    QueueAuditRecord? RecordFor(uint hardwareQueueHandle);

    /// <summary>Checks, when the caller is told a submission was delivered, that the GPU really received its ring.</summary>
    void VerifyDelivered(uint hardwareQueueHandle, ulong writePointer);

    /// <summary>Lets the simulated GPU run what it has received (called while the caller waits for it).</summary>
    void RunEngine();
}

/// <summary>What the runtime reported to the caller for one queue; written under the queue's lock, read by the audit.</summary>
internal sealed class QueueAuditRecord
{
    public long Delivered;
    public ulong MaxDeliveredFence;
    public long Rejected;
    public bool VerifyDeliveries;
    public readonly System.Collections.Generic.List<ulong> Surfaced = new();

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

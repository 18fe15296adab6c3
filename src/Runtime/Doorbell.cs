using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace DoorbellGuard;

/// <summary>
/// The doorbell of a hardware queue: the ring, status, connect and notify operations of WDDM 3.2 user-mode submission.
/// Get one from <see cref="HardwareQueue.CreateDoorbell(DoorbellOptions?)"/> (or <see cref="Create"/> for your own
/// queue code). A new doorbell is disconnected: call <see cref="Connect"/> before the first ring.
/// <para>
/// The OS doorbell handle is owned by a <see cref="System.Runtime.InteropServices.SafeHandle"/>: <see cref="Dispose"/>
/// destroys the doorbell, and a doorbell nobody disposed is destroyed when the garbage collector finalizes it.
/// </para>
/// <para>
/// Thread safety: every member except <see cref="Dispose"/> may be called from several threads at once.
/// <see cref="Ring(ulong)"/> and <see cref="ReadStatus"/> are single memory accesses; rings from several threads
/// reach the GPU in the order the writes land, so serialize your own ring buffer updates (HardwareQueue does). A ring
/// that races with a <see cref="Connect"/> on another thread can land on the dummy page before the connect and be
/// read as CONNECTED after it; serialize rings with connects per doorbell (HardwareQueue.Submit does).
/// Do not call <see cref="Dispose"/> while another thread uses the doorbell: its addresses die with it.
/// </para>
/// </summary>
public sealed unsafe partial class Doorbell : IDisposable
{
    private readonly IDoorbellKernel _kernel;
    private readonly DoorbellSafeHandle _handle;
    private readonly HardwareQueue? _queue;
    private readonly DoorbellCounters? _counters;
    private readonly int _maxRingAttempts;
    private readonly bool _hasSecondary;
    private readonly object _mappingGate = new(); // orders a connect's new addresses against Dispose

    // Where nothing is mapped: RingAndConfirm's write goes to word 0, and word 1 is a status that is never CONNECTED.
    private static readonly ulong* s_unusable = AllocateUnusablePage();

    // The connected path of RingAndConfirm reads two pointers that are never null: it writes to _ringTarget and
    // compares what _fastStatus points to with CONNECTED. _ringTarget is the doorbell address, or s_unusable once
    // disposed or while the last connect mapped nothing. _fastStatus is the status address when that one write is the
    // whole ring, else s_unusable + 1 (also with a secondary address), which sends the call out of line.
    private ulong* _ringTarget;
    private ulong* _fastStatus;

    // Ring and ReadStatus read these. _doorbell is null once disposed and while the last connect mapped nothing;
    // _status is null once disposed.
    private ulong* _doorbell;
    private ulong* _secondary;
    private ulong* _status;
    private ulong* _progressFenceLastQueued;
    private DoorbellMapping _mapping;
    private int _disposed;

    internal Doorbell(IDoorbellKernel kernel, in DoorbellMapping mapping, DoorbellOptions options, HardwareQueue? queue)
    {
        // Own the handle first, so a doorbell refused below is still destroyed.
        _handle = new DoorbellSafeHandle(kernel, mapping.DoorbellHandle);
        if (mapping.DoorbellAddress == 0 || mapping.StatusAddress == 0)
        {
            _handle.Dispose();
            throw new DoorbellException("D3DKMTCreateDoorbell succeeded but returned a null doorbell or status address: the kernel did not map the doorbell.");
        }

        _kernel = kernel;
        _queue = queue;
        _mapping = mapping;
        _maxRingAttempts = options.MaxRingAttempts;
        _hasSecondary = mapping.SecondaryDoorbellAddress != 0;
        _status = (ulong*)mapping.StatusAddress;
        _progressFenceLastQueued = (ulong*)mapping.ProgressFenceLastQueuedValueAddress;
        _counters = (kernel as ISubmissionAuditSink)?.CountersFor(mapping.DoorbellHandle);
        SetRingAddresses((ulong*)mapping.DoorbellAddress, (ulong*)mapping.SecondaryDoorbellAddress);
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

    /// <summary>
    /// The doorbell handle and the addresses the OS mapped for it. The doorbell addresses are the ones rings go to now:
    /// a connect that returns a new mapping (<see cref="DoorbellConnectMapping"/>) changes them, so do not keep them.
    /// </summary>
    public DoorbellMapping Mapping
    {
        get { lock (_mappingGate) return _mapping; }
    }

    /// <summary>The doorbell handle (hDoorbell).</summary>
    public uint Handle => _handle.Value;

    /// <summary>The most rings <see cref="RingAndConfirm(ulong)"/> makes while the status stays DISCONNECTED_RETRY.</summary>
    public int MaxRingAttempts => _maxRingAttempts;

    /// <summary>True once <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal ulong* ProgressFenceLastQueuedAddress => _progressFenceLastQueued;

    /// <summary>
    /// Connects the doorbell (D3DKMTConnectDoorbell), which may victimize another queue's doorbell and wakes a
    /// powered-down device. When the OS answers with a new mapping, rings go to the new addresses from now on.
    /// Then ring again: a ring made while disconnected was lost.
    /// </summary>
    /// <exception cref="DoorbellAbortedException">The device is lost (STATUS_DEVICE_REMOVED, or the status reads DISCONNECTED_ABORT).</exception>
    /// <exception cref="DoorbellException">The OS refused (the message gives the NTSTATUS in hex and its meaning), or returned a mapping of 0.</exception>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public void Connect()
    {
        ThrowIfDisposed();
        int status = _handle.Connect(out DoorbellConnectMapping? moved);
        if (!NtStatus.IsSuccess(status))
        {
            throw DoorbellException.FromStatus("D3DKMTConnectDoorbell", status,
                "Doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + " stays disconnected and rings on it are lost; check that it was not destroyed and belongs to this device.");
        }

        if (moved is { } mapping)
            AdoptConnectMapping(mapping);
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
    /// <exception cref="DoorbellException">The last connect returned no address: connect again first.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ring(ulong value)
    {
        ulong* doorbell = _doorbell;
        if (doorbell == null)
            ThrowNoDoorbellAddress();
        Volatile.Write(ref *doorbell, value);
        ulong* secondary = _secondary;
        if (secondary != null)
            Volatile.Write(ref *secondary, value);
    }

    /// <summary>
    /// Reads the status the OS keeps for the doorbell: a volatile read of the 64-bit status word, of which the connection
    /// status is the low 32 bits (the high half may hold other state and is ignored).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DoorbellStatus ReadStatus()
    {
        ulong* status = _status;
        if (status == null)
            ThrowDisposed();
        return ConnectionStatus(Volatile.Read(ref *status));
    }

    /// <summary>Tells the kernel-mode driver about a ring (D3DKMTNotifyWorkSubmission): required after every ring while the status is CONNECTED_NOTIFY. Costs a kernel round trip.</summary>
    /// <exception cref="DoorbellAbortedException">The device is lost.</exception>
    /// <exception cref="DoorbellException">The OS refused; the message gives the NTSTATUS in hex and its meaning.</exception>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    public void NotifyWorkSubmission()
    {
        ThrowIfDisposed();
        int status = _handle.Notify();
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
    /// <see cref="MaxRingAttempts"/> rings in all; DISCONNECTED_ABORT throws. The connected path is a store, a load
    /// and a compare, inlined into the caller; everything else runs out of line. Thread-safe; allocates nothing unless it throws.
    /// </summary>
    /// <param name="value">The new ring buffer write pointer.</param>
    /// <returns>The final status: <see cref="DoorbellStatus.Connected"/> or <see cref="DoorbellStatus.ConnectedNotify"/>.</returns>
    /// <exception cref="DoorbellAbortedException">The device is lost: the ring did not reach the GPU.</exception>
    /// <exception cref="DoorbellException">The doorbell stayed disconnected for every attempt, or a kernel call failed.</exception>
    /// <exception cref="ObjectDisposedException">The doorbell was disposed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DoorbellStatus RingAndConfirm(ulong value) => RingAndConfirmCore(value, null, 0);

    /// <summary>
    /// RingAndConfirm that, on DISCONNECTED_RETRY, also writes <paramref name="fenceValue"/> to
    /// <paramref name="progressFence"/> again after connecting (step 2 of the documented sequence).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal DoorbellStatus RingAndConfirmCore(ulong value, ulong* progressFence, ulong fenceValue)
    {
        Volatile.Write(ref *_ringTarget, value);
        if (ConnectionStatus(Volatile.Read(ref *_fastStatus)) != DoorbellStatus.Connected)
            return AfterFirstWrite(value, progressFence, fenceValue);
        DoorbellCounters? counters = _counters;
        if (counters != null)
            counters.RingAttempts++; // informational: exact when one thread rings the doorbell (Submit serializes per queue)
        return DoorbellStatus.Connected;
    }

    /// <summary>Destroys the doorbell (D3DKMTDestroyDoorbell). Idempotent; never throws. Its addresses are dead afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        lock (_mappingGate)
        {
            SetRingAddresses(null, null);
            _status = null;
            _progressFenceLastQueued = null;
        }

        // Destroys now, or when a connect or notify in flight on another thread returns.
        _handle.Dispose();
        _queue?.OnDoorbellDisposed(this);
    }

    /// <summary>The connection status in a status word: its low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DoorbellStatus ConnectionStatus(ulong statusWord) => (DoorbellStatus)(uint)statusWord;

    private void AdoptConnectMapping(DoorbellConnectMapping mapping)
    {
        lock (_mappingGate)
        {
            if (_disposed != 0)
                return;
            if (mapping.DoorbellAddress == 0 || (_hasSecondary && mapping.SecondaryDoorbellAddress == 0))
            {
                // Ringing the old address now would be lost while the status says CONNECTED: ring nothing until a connect maps it.
                SetRingAddresses(null, null);
                throw new DoorbellException(ZeroMappingMessage(mapping));
            }

            SetRingAddresses((ulong*)mapping.DoorbellAddress, (ulong*)mapping.SecondaryDoorbellAddress);
            _mapping = _mapping with { DoorbellAddress = mapping.DoorbellAddress, SecondaryDoorbellAddress = mapping.SecondaryDoorbellAddress };
        }
    }

    /// <summary>Sets the addresses rings go to and points the connected path at them (see <see cref="_ringTarget"/>). Under <see cref="_mappingGate"/>, or in the constructor.</summary>
    private void SetRingAddresses(ulong* doorbell, ulong* secondary)
    {
        _doorbell = doorbell;
        _secondary = secondary;
        // Both stay valid memory in every order a racing ring could read them (an old doorbell address leads to the
        // dummy page, and rings that race with a connect are documented as unsafe), so plain stores do.
        _ringTarget = _doorbell != null ? _doorbell : s_unusable;
        _fastStatus = _doorbell != null && _secondary == null ? _status : s_unusable + 1;
    }

    private static ulong* AllocateUnusablePage()
    {
        // Never freed: one page per process, shared by every doorbell that has nothing to ring.
        var page = (ulong*)NativeMemory.AllocZeroed(64);
        page[1] = uint.MaxValue; // not a D3DDDI_DOORBELLSTATUS value, so never CONNECTED
        return page;
    }

    private string ZeroMappingMessage(DoorbellConnectMapping mapping)
    {
        string message = "D3DKMTConnectDoorbell succeeded but returned a doorbell mapping of 0 (CpuVa 0x"
            + ((ulong)mapping.DoorbellAddress).ToString("X", CultureInfo.InvariantCulture) + ", SecondaryCpuVa 0x"
            + ((ulong)mapping.SecondaryDoorbellAddress).ToString("X", CultureInfo.InvariantCulture) + ") for doorbell "
            + Handle.ToString(CultureInfo.InvariantCulture)
            + (_hasSecondary ? ", which was created with a secondary address" : string.Empty)
            + ": the OS says the doorbell is mapped nowhere, so DoorbellGuard rings nothing (a ring to the old address would be lost while the status read CONNECTED). "
            + "Nothing queued is lost: call Connect() again before ringing (RingAndConfirm and HardwareQueue.Submit do so on their next ring).";
        return _kernel is WindowsDoorbellKernel windows ? message + " " + windows.ZeroMappingAdvice() : message;
    }

    private void ThrowIfDisposed()
    {
        if (_disposed != 0)
            ThrowDisposed();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNoDoorbellAddress()
    {
        ThrowIfDisposed();
        throw new DoorbellException("Doorbell " + Handle.ToString(CultureInfo.InvariantCulture)
            + " has no address to ring: its last D3DKMTConnectDoorbell returned a mapping of 0. Call Connect() again before ringing.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Doorbell), "The doorbell was disposed (destroyed); its addresses are dead. Create a new one with HardwareQueue.CreateDoorbell().");
}

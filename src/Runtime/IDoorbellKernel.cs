using System;

namespace DoorbellGuard;

/// <summary>
/// The kernel side of user-mode submission: the four D3DKMT doorbell entry points. Every method returns an
/// NTSTATUS (0 = STATUS_SUCCESS, negative = failure) and never throws for an OS failure; <see cref="Doorbell"/>
/// turns failures into exceptions. Two implementations ship: <see cref="WindowsDoorbellKernel"/> (gdi32.dll on
/// Windows 11 24H2, WDDM 3.2) and the simulator (<c>DoorbellGuard.Simulation.SimulatedAdapter</c>). Implementations
/// must be thread-safe.
/// </summary>
public interface IDoorbellKernel
{
    /// <summary>D3DKMTCreateDoorbell: creates the (disconnected) doorbell of a hardware queue and maps its addresses.</summary>
    /// <param name="parameters">The queue, its ring buffer allocations and the flags.</param>
    /// <param name="mapping">On success, the doorbell handle and its CPU virtual addresses.</param>
    /// <returns>The NTSTATUS.</returns>
    int CreateDoorbell(in DoorbellCreateParameters parameters, out DoorbellMapping mapping);

    /// <summary>D3DKMTConnectDoorbell: connects the doorbell to a physical doorbell (may wake the device to D0).</summary>
    /// <param name="doorbellHandle">hDoorbell.</param>
    /// <param name="mapping">
    /// Where the doorbell is mapped now, when the OS says (the <see cref="DoorbellStructLayout.Build28000"/> layout's
    /// DoorbellMapping, or a simulator that moves doorbells); null when the backend reports nothing, in which case the
    /// doorbell stays at the addresses of <see cref="CreateDoorbell"/>. Meaningful only on success.
    /// </param>
    /// <returns>The NTSTATUS; STATUS_DEVICE_REMOVED when the device is lost.</returns>
    int ConnectDoorbell(uint doorbellHandle, out DoorbellConnectMapping? mapping);

    /// <summary>D3DKMTDestroyDoorbell: destroys the doorbell; the handle and every mapped address are dead afterwards.</summary>
    /// <returns>The NTSTATUS; STATUS_INVALID_PARAMETER for an unknown handle.</returns>
    int DestroyDoorbell(uint doorbellHandle);

    /// <summary>D3DKMTNotifyWorkSubmission: tells the kernel-mode driver about a ring (needed while the status is CONNECTED_NOTIFY).</summary>
    /// <returns>The NTSTATUS.</returns>
    int NotifyWorkSubmission(uint doorbellHandle);
}

/// <summary>Flags of D3DKMT_CREATE_DOORBELL (D3DKMT_CREATE_DOORBELL_FLAGS).</summary>
[Flags]
public enum DoorbellCreateFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Ask for a secondary doorbell CPU virtual address (bit 0, RequireSecondaryCpuVA).</summary>
    RequireSecondaryCpuVirtualAddress = 1u << 0,

    /// <summary>Hint that the doorbell is re-created for a resized ring buffer (bit 1, ResizeRingBufferOperation).</summary>
    ResizeRingBufferOperation = 1u << 1,
}

/// <summary>The input of <see cref="IDoorbellKernel.CreateDoorbell"/>: the D3DKMT handles of a hardware queue and its allocations.</summary>
/// <param name="HardwareQueueHandle">hHwQueue: a queue created with the UserModeSubmission flag.</param>
/// <param name="RingBufferHandle">hRingBuffer: the GPU-visible, resident ring buffer allocation.</param>
/// <param name="RingBufferControlHandle">hRingBufferControl: the ring buffer control allocation (read and write pointers), 0 when none.</param>
/// <param name="Flags">The creation flags.</param>
public readonly record struct DoorbellCreateParameters(
    uint HardwareQueueHandle,
    uint RingBufferHandle,
    uint RingBufferControlHandle,
    DoorbellCreateFlags Flags);

/// <summary>
/// The output of <see cref="IDoorbellKernel.CreateDoorbell"/>: the doorbell handle and the CPU virtual addresses the OS
/// mapped for it. They die when the doorbell is destroyed. The status and fence addresses never change; the doorbell
/// addresses change only when a connect says so (<see cref="DoorbellConnectMapping"/>), and <see cref="Doorbell.Mapping"/>
/// follows them.
/// </summary>
/// <param name="DoorbellHandle">hDoorbell.</param>
/// <param name="DoorbellAddress">DoorbellCPUVirtualAddress: where a ring writes the new write pointer (64 bits).</param>
/// <param name="SecondaryDoorbellAddress">DoorbellSecondaryCPUVirtualAddress, or 0 when not requested.</param>
/// <param name="StatusAddress">DoorbellStatusCPUVirtualAddress: the 64-bit status the OS writes (read-only for the caller).</param>
/// <param name="ProgressFenceLastQueuedValueAddress">HwQueueProgressFenceLastQueuedValueCPUVirtualAddress: where the caller writes the last queued fence value.</param>
public readonly record struct DoorbellMapping(
    uint DoorbellHandle,
    nint DoorbellAddress,
    nint SecondaryDoorbellAddress,
    nint StatusAddress,
    nint ProgressFenceLastQueuedValueAddress);

/// <summary>
/// Where D3DKMTConnectDoorbell says the doorbell is mapped now (D3DDDI_DOORBELLMAPPING of the 10.0.28000 headers). From
/// that connect on, rings go to these addresses; the old ones lead to the dummy page.
/// </summary>
/// <param name="DoorbellAddress">CpuVa: the doorbell's CPU virtual address. 0 is an error (the OS mapped nothing).</param>
/// <param name="SecondaryDoorbellAddress">SecondaryCpuVa: the secondary doorbell address, or 0 when the doorbell has none.</param>
public readonly record struct DoorbellConnectMapping(nint DoorbellAddress, nint SecondaryDoorbellAddress);

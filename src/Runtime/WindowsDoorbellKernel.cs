using System;
using System.Runtime.InteropServices;
using DoorbellGuard.Interop;

namespace DoorbellGuard;

/// <summary>
/// The Windows backend: calls D3DKMTCreateDoorbell, D3DKMTConnectDoorbell, D3DKMTDestroyDoorbell and
/// D3DKMTNotifyWorkSubmission in gdi32.dll (Windows 11 24H2, WDDM 3.2, and a driver that supports user-mode
/// submission). It does not create hardware queues: pass the handles your own D3DKMT code created to
/// <see cref="HardwareQueue(IDoorbellKernel, HardwareQueueResources, HardwareQueueOptions?)"/>. Thread-safe.
/// </summary>
public sealed unsafe class WindowsDoorbellKernel : IDoorbellKernel
{
    private static readonly Lazy<string?> s_unsupportedReason = new(FindUnsupportedReason);

    /// <summary>Checks that the OS exports the doorbell entry points.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Windows, or gdi32.dll lacks the WDDM 3.2 exports; the message says which and points to the simulator.</exception>
    public WindowsDoorbellKernel()
    {
        string? reason = s_unsupportedReason.Value;
        if (reason != null)
            throw new PlatformNotSupportedException(UnsupportedMessage(reason));
    }

    /// <summary>True when this OS exports the doorbell entry points (the driver may still refuse with STATUS_NOT_SUPPORTED).</summary>
    public static bool IsSupported => s_unsupportedReason.Value == null;

    internal static string UnsupportedMessage(string reason) =>
        "User-mode work submission through doorbells needs Windows 11 24H2 (WDDM 3.2) or later and a GPU driver that supports it, but "
        + reason + ". Use the simulator instead: new HardwareQueue() runs on the default simulated adapter, "
        + "and new HardwareQueue(new DoorbellGuard.Simulation.SimulatedAdapter(...)) on one you configure.";

    internal static string? FindUnsupportedReason(Func<string, bool> hasExport, bool isWindows)
    {
        if (!isWindows)
            return "this OS is not Windows (" + RuntimeInformation.OSDescription + ")";
        foreach (string entryPoint in D3dkmtNative.EntryPoints)
        {
            if (!hasExport(entryPoint))
                return "gdi32.dll does not export " + entryPoint + " (this Windows is older than 11 24H2)";
        }

        return null;
    }

    private static string? FindUnsupportedReason()
    {
        bool isWindows = OperatingSystem.IsWindows();
        if (!isWindows)
            return FindUnsupportedReason(static _ => false, isWindows: false);
        if (!NativeLibrary.TryLoad(D3dkmtNative.Library, typeof(WindowsDoorbellKernel).Assembly, null, out IntPtr gdi32))
            return "gdi32.dll could not be loaded";
        return FindUnsupportedReason(name => NativeLibrary.TryGetExport(gdi32, name, out _), isWindows: true);
    }

    /// <inheritdoc />
    public int CreateDoorbell(in DoorbellCreateParameters parameters, out DoorbellMapping mapping)
    {
        var args = new D3DKMT_CREATE_DOORBELL
        {
            hHwQueue = parameters.HardwareQueueHandle,
            hRingBuffer = parameters.RingBufferHandle,
            hRingBufferControl = parameters.RingBufferControlHandle,
            Flags = (uint)parameters.Flags,
        };
        int status = D3dkmtNative.D3DKMTCreateDoorbell(&args);
        mapping = NtStatus.IsSuccess(status)
            ? new DoorbellMapping(
                args.hDoorbell,
                (nint)args.DoorbellCPUVirtualAddress,
                (nint)args.DoorbellSecondaryCPUVirtualAddress,
                (nint)args.DoorbellStatusCPUVirtualAddress,
                (nint)args.HwQueueProgressFenceLastQueuedValueCPUVirtualAddress)
            : default;
        return status;
    }

    /// <inheritdoc />
    public int ConnectDoorbell(uint doorbellHandle)
    {
        var args = new D3DKMT_CONNECT_DOORBELL { hDoorbell = doorbellHandle };
        return D3dkmtNative.D3DKMTConnectDoorbell(&args);
    }

    /// <inheritdoc />
    public int DestroyDoorbell(uint doorbellHandle)
    {
        var args = new D3DKMT_DESTROY_DOORBELL { hDoorbell = doorbellHandle };
        return D3dkmtNative.D3DKMTDestroyDoorbell(&args);
    }

    /// <inheritdoc />
    public int NotifyWorkSubmission(uint doorbellHandle)
    {
        var args = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = doorbellHandle };
        return D3dkmtNative.D3DKMTNotifyWorkSubmission(&args);
    }
}

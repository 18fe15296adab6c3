using System;
using System.Runtime.InteropServices;
using DoorbellGuard.Interop;

namespace DoorbellGuard;

/// <summary>
/// The Windows backend: calls D3DKMTCreateDoorbell, D3DKMTConnectDoorbell, D3DKMTDestroyDoorbell and
/// D3DKMTNotifyWorkSubmission in gdi32.dll (Windows 11 24H2, WDDM 3.2, and a driver that supports user-mode
/// submission), with the structure layout of the running Windows (<see cref="StructLayout"/>). It does not create
/// hardware queues: pass the handles your own D3DKMT code created to
/// <see cref="HardwareQueue(IDoorbellKernel, HardwareQueueResources, HardwareQueueOptions?)"/>. Thread-safe.
/// </summary>
public sealed unsafe class WindowsDoorbellKernel : IDoorbellKernel
{
    private static readonly Lazy<(string? Reason, IntPtr Library)> s_gdi32 = new(LoadGdi32);

    private readonly D3dkmtEntryPoints _entryPoints;

    /// <summary>Checks that the OS exports the doorbell entry points and picks the structure layout.</summary>
    /// <param name="options">The layout override; null for the layout of the running Windows.</param>
    /// <exception cref="PlatformNotSupportedException">Not Windows, or gdi32.dll lacks the WDDM 3.2 exports; the message says which and points to the simulator.</exception>
    /// <exception cref="ArgumentException">The layout override does not fit this Windows (the message says why and what to do).</exception>
    public WindowsDoorbellKernel(WindowsDoorbellKernelOptions? options = null)
        : this(LoadEntryPoints(), Environment.OSVersion.Version.Build, options)
    {
    }

    /// <summary>A kernel over entry points of the caller's choosing, as if on Windows build <paramref name="osBuild"/>: tests drive the marshalling with it anywhere.</summary>
    internal WindowsDoorbellKernel(D3dkmtEntryPoints entryPoints, int osBuild, WindowsDoorbellKernelOptions? options = null)
    {
        _entryPoints = entryPoints;
        OsBuild = osBuild;
        StructLayout = DoorbellStructLayoutChoice.Resolve(options?.StructLayout ?? DoorbellStructLayout.Automatic, osBuild);
    }

    /// <summary>True when this OS exports the doorbell entry points (the driver may still refuse with STATUS_NOT_SUPPORTED).</summary>
    public static bool IsSupported => s_gdi32.Value.Reason == null;

    /// <summary>The layout this kernel passes to D3DKMTConnectDoorbell and D3DKMTNotifyWorkSubmission: never <see cref="DoorbellStructLayout.Automatic"/>.</summary>
    public DoorbellStructLayout StructLayout { get; }

    /// <summary>The Windows build number the layout was chosen for.</summary>
    public int OsBuild { get; }

    internal static string UnsupportedMessage(string reason) =>
        "User-mode work submission through doorbells needs Windows 11 24H2 (WDDM 3.2) or later and a GPU driver that supports it, but "
        + reason + ". Use the simulator instead: new HardwareQueue() runs on the default simulated adapter, "
        + "and new HardwareQueue(new DoorbellGuard.Simulation.SimulatedAdapter(...)) on one you configure.";

    internal static string? FindUnsupportedReason(Func<string, bool> hasExport, bool isWindows)
    {
        if (!isWindows)
            return "this OS is not Windows (" + RuntimeInformation.OSDescription + ")";
        foreach (string entryPoint in D3dkmtEntryPoints.Names)
        {
            if (!hasExport(entryPoint))
                return "gdi32.dll does not export " + entryPoint + " (this Windows is older than 11 24H2)";
        }

        return null;
    }

    /// <summary>The doorbell entry points of this OS's gdi32.dll.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Windows, or gdi32.dll lacks the WDDM 3.2 exports.</exception>
    private static D3dkmtEntryPoints LoadEntryPoints()
    {
        (string? reason, IntPtr library) = s_gdi32.Value;
        if (reason != null)
            throw new PlatformNotSupportedException(UnsupportedMessage(reason));
        return D3dkmtEntryPoints.FromLibrary(library);
    }

    private static (string? Reason, IntPtr Library) LoadGdi32()
    {
        if (!OperatingSystem.IsWindows())
            return (FindUnsupportedReason(static _ => false, isWindows: false), IntPtr.Zero);
        if (!NativeLibrary.TryLoad(D3dkmtEntryPoints.Library, typeof(WindowsDoorbellKernel).Assembly, null, out IntPtr gdi32))
            return ("gdi32.dll could not be loaded", IntPtr.Zero);
        return (FindUnsupportedReason(name => NativeLibrary.TryGetExport(gdi32, name, out _), isWindows: true), gdi32);
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
        int status = _entryPoints.CreateDoorbell(&args);
        mapping = NtStatus.IsSuccess(status)
            ? new DoorbellMapping(
                args.hDoorbell,
                args.DoorbellCPUVirtualAddress,
                args.DoorbellSecondaryCPUVirtualAddress,
                args.DoorbellStatusCPUVirtualAddress,
                args.HwQueueProgressFenceLastQueuedValueCPUVirtualAddress)
            : default;
        return status;
    }

    /// <inheritdoc />
    public int ConnectDoorbell(uint doorbellHandle, out DoorbellConnectMapping? mapping)
    {
        if (StructLayout == DoorbellStructLayout.Build26100)
        {
            var args = new D3DKMT_CONNECT_DOORBELL_26100 { hDoorbell = doorbellHandle };
            mapping = null; // this generation does not move doorbells
            return _entryPoints.ConnectDoorbell(&args);
        }

        // Zeroed, so an OS that fills in nothing leaves a mapping of 0, which Doorbell reports instead of ringing it.
        var extended = new D3DKMT_CONNECT_DOORBELL_28000 { hHwQueue = doorbellHandle };
        int status = _entryPoints.ConnectDoorbell(&extended);
        mapping = new DoorbellConnectMapping(extended.DoorbellMapping.CpuVa, extended.DoorbellMapping.SecondaryCpuVa);
        return status;
    }

    /// <inheritdoc />
    public int DestroyDoorbell(uint doorbellHandle)
    {
        var args = new D3DKMT_DESTROY_DOORBELL { hDoorbell = doorbellHandle };
        return _entryPoints.DestroyDoorbell(&args);
    }

    /// <inheritdoc />
    public int NotifyWorkSubmission(uint doorbellHandle)
    {
        if (StructLayout == DoorbellStructLayout.Build26100)
        {
            var args = new D3DKMT_NOTIFY_WORK_SUBMISSION_26100 { hDoorbell = doorbellHandle };
            return _entryPoints.NotifyWorkSubmission(&args);
        }

        // PrivateDriverData stays zero: DoorbellGuard has no driver-private data to pass.
        var extended = new D3DKMT_NOTIFY_WORK_SUBMISSION_28000 { hHwQueue = doorbellHandle };
        return _entryPoints.NotifyWorkSubmission(&extended);
    }

    /// <summary>The advice for a connect under this kernel's layout that returned no mapping.</summary>
    internal string ZeroMappingAdvice() =>
        OsBuild < DoorbellStructLayoutChoice.FirstBuildWithConnectMapping
            ? "The layout is forced to Build28000 (WindowsDoorbellKernelOptions.StructLayout) on Windows build " + OsBuild.ToString(System.Globalization.CultureInfo.InvariantCulture)
              + ", whose kernel does not return mappings: remove the override."
            : "The OS broke the Build28000 contract; connect again, and report the build (" + OsBuild.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") if it persists.";
}

using System;
using System.Globalization;

namespace DoorbellGuard;

/// <summary>
/// Which generation of the D3DKMT_CONNECT_DOORBELL and D3DKMT_NOTIFY_WORK_SUBMISSION structures
/// <see cref="WindowsDoorbellKernel"/> passes to the OS. The kernel copies its own generation's size in and out, so
/// the structure must be at least that large: where and why, in docs/runtime.md ("Two layouts").
/// </summary>
public enum DoorbellStructLayout
{
    /// <summary>Pick the layout of the running Windows by its build number (the default).</summary>
    Automatic = 0,

    /// <summary>
    /// The Windows SDK/WDK 10.0.26100 layout (Windows 11 24H2, WDDM 3.2, and the reference pages): connect and notify
    /// take <c>{ handle; Flags }</c>, 8 bytes; connect leaves the doorbell where D3DKMTCreateDoorbell mapped it.
    /// </summary>
    Build26100 = 1,

    /// <summary>
    /// The Windows SDK/WDK 10.0.28000 layout: connect takes <c>{ hHwQueue; Flags; D3DDDI_DOORBELLMAPPING; BYTE Reserved[64] }</c>
    /// (88 bytes on x64) and the OS writes there where the doorbell is mapped now; notify takes
    /// <c>{ hHwQueue; Flags; BYTE PrivateDriverData[64] }</c> (72 bytes).
    /// </summary>
    Build28000 = 2,
}

/// <summary>The choice of <see cref="DoorbellStructLayout"/> from a Windows build number: a pure function, so it is tested anywhere.</summary>
internal static class DoorbellStructLayoutChoice
{
    /// <summary>The build of the first SDK/WDK (10.0.28000) whose headers define the larger structures.</summary>
    public const int FirstBuildWithConnectMapping = 28000;

    /// <summary>The layout a Windows of this build expects.</summary>
    public static DoorbellStructLayout ForBuild(int osBuild) =>
        osBuild >= FirstBuildWithConnectMapping ? DoorbellStructLayout.Build28000 : DoorbellStructLayout.Build26100;

    /// <summary>
    /// The layout to use: <paramref name="requested"/>, or the build's own for <see cref="DoorbellStructLayout.Automatic"/>.
    /// Forcing the larger layout on an older build is allowed (the kernel reads and writes only the 8 bytes it knows,
    /// and a connect that then returns no mapping fails with a message that names the override); forcing the smaller
    /// one on a build that expects the larger is refused, since the kernel would write past the structure.
    /// </summary>
    /// <exception cref="ArgumentException">The override is the smaller layout on a build that expects the larger.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not a <see cref="DoorbellStructLayout"/> value.</exception>
    public static DoorbellStructLayout Resolve(DoorbellStructLayout requested, int osBuild)
    {
        DoorbellStructLayout expected = ForBuild(osBuild);
        switch (requested)
        {
            case DoorbellStructLayout.Automatic:
                return expected;
            case DoorbellStructLayout.Build28000:
                return requested;
            case DoorbellStructLayout.Build26100 when expected == DoorbellStructLayout.Build28000:
                throw new ArgumentException(
                    "WindowsDoorbellKernelOptions.StructLayout is Build26100 (the 8-byte D3DKMT_CONNECT_DOORBELL), but this Windows is build "
                    + osBuild.ToString(CultureInfo.InvariantCulture) + ", which expects the Build28000 layout (from build "
                    + FirstBuildWithConnectMapping.ToString(CultureInfo.InvariantCulture) + "): its kernel would write the 88-byte structure over 8 bytes of this process's memory, "
                    + "and rings would go to an address the OS no longer maps. Remove the override (DoorbellStructLayout.Automatic picks the layout by build).",
                    "options");
            case DoorbellStructLayout.Build26100:
                return requested;
            default:
                throw new ArgumentOutOfRangeException("options", requested, "WindowsDoorbellKernelOptions.StructLayout is not a DoorbellStructLayout value: use Automatic, Build26100 or Build28000.");
        }
    }
}

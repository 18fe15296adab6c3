namespace DoorbellGuard;

/// <summary>Options of a <see cref="WindowsDoorbellKernel"/>.</summary>
public sealed class WindowsDoorbellKernelOptions
{
    /// <summary>
    /// The structure layout for D3DKMTConnectDoorbell and D3DKMTNotifyWorkSubmission. Default
    /// <see cref="DoorbellStructLayout.Automatic"/>: the layout of the running Windows, by build. Force
    /// <see cref="DoorbellStructLayout.Build28000"/> on a build older than 28000 that already has the larger structures
    /// (an Insider build, say); forcing <see cref="DoorbellStructLayout.Build26100"/> on build 28000 or later is refused.
    /// </summary>
    public DoorbellStructLayout StructLayout { get; init; }
}

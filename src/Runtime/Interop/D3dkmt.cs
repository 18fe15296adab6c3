using System.Runtime.InteropServices;

namespace DoorbellGuard.Interop;

// Blittable mirrors of the WDDM 3.2 d3dkmthk.h structures. D3DKMT_HANDLE is a 32-bit unsigned integer; pointer
// fields use D3DKMT_PTR, 64 bits wide, so the x64 layout is fixed and asserted by tests.

/// <summary>D3DKMT_CREATE_DOORBELL (x64: offsets 0,4,8,12,16,24,32,40,48,56,64; size 72).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_CREATE_DOORBELL
{
    public uint hHwQueue;
    public uint hRingBuffer;
    public uint hRingBufferControl;
    public uint Flags; // D3DKMT_CREATE_DOORBELL_FLAGS: bit 0 RequireSecondaryCpuVA, bit 1 ResizeRingBufferOperation.
    public uint PrivateDriverDataSize;
    public ulong PrivateDriverData;
    public ulong DoorbellCPUVirtualAddress;
    public ulong DoorbellSecondaryCPUVirtualAddress;
    public ulong DoorbellStatusCPUVirtualAddress;
    public ulong HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
    public uint hDoorbell;
}

/// <summary>D3DKMT_CONNECT_DOORBELL (hDoorbell, Flags; older headers name the first field hHwQueue).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_CONNECT_DOORBELL
{
    public uint hDoorbell;
    public uint Flags; // D3DKMT_CONNECT_DOORBELL_FLAGS: none defined.
}

/// <summary>D3DKMT_DESTROY_DOORBELL.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_DESTROY_DOORBELL
{
    public uint hDoorbell;
}

/// <summary>D3DKMT_NOTIFY_WORK_SUBMISSION (the doorbell handle, Flags; older headers name the first field hHwQueue).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_NOTIFY_WORK_SUBMISSION
{
    public uint hDoorbell;
    public uint Flags; // D3DKMT_NOTIFY_WORK_SUBMISSION_FLAGS.
}

/// <summary>The gdi32.dll entry points. Call them only after <see cref="WindowsDoorbellKernel"/> has checked the exports.</summary>
internal static unsafe partial class D3dkmtNative
{
    internal const string Library = "gdi32.dll";

    internal static readonly string[] EntryPoints =
    [
        "D3DKMTCreateDoorbell",
        "D3DKMTConnectDoorbell",
        "D3DKMTDestroyDoorbell",
        "D3DKMTNotifyWorkSubmission",
    ];

    [LibraryImport(Library)]
    internal static partial int D3DKMTCreateDoorbell(D3DKMT_CREATE_DOORBELL* args);

    [LibraryImport(Library)]
    internal static partial int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);

    [LibraryImport(Library)]
    internal static partial int D3DKMTDestroyDoorbell(D3DKMT_DESTROY_DOORBELL* args);

    [LibraryImport(Library)]
    internal static partial int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args);
}

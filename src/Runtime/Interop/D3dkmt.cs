using System.Runtime.InteropServices;

namespace DoorbellGuard.Interop;

// Blittable mirrors of the d3dkmthk.h / d3dukmdt.h doorbell structures. D3DKMT_HANDLE is a 32-bit unsigned integer.
// Pointer fields are D3DKMT_PTR, which on Windows is the plain pointer type, so they are nint here: 8 bytes in an
// x64 or Arm64 process (the layouts the tests assert), 4 in a 32-bit one, as the header gives.
// Two header generations define CONNECT and NOTIFY differently (docs/runtime.md, "Two layouts"):
//   _26100: Windows SDK/WDK 10.0.26100 (Windows 11 24H2, WDDM 3.2), the layout of the reference pages;
//   _28000: Windows SDK/WDK 10.0.28000, where connect hands back the doorbell's mapping.

/// <summary>D3DKMT_CREATE_DOORBELL, the same in both generations (x64: offsets 0,4,8,12,16,24,32,40,48,56,64; size 72).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_CREATE_DOORBELL
{
    public uint hHwQueue;
    public uint hRingBuffer;
    public uint hRingBufferControl;
    public uint Flags; // D3DKMT_CREATE_DOORBELL_FLAGS: bit 0 RequireSecondaryCpuVA, bit 1 ResizeRingBufferOperation.
    public uint PrivateDriverDataSize;
    public nint PrivateDriverData;
    public nint DoorbellCPUVirtualAddress;
    public nint DoorbellSecondaryCPUVirtualAddress;
    public nint DoorbellStatusCPUVirtualAddress;
    public nint HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
    public uint hDoorbell;
}

/// <summary>D3DKMT_CONNECT_DOORBELL of the 10.0.26100 headers: { hDoorbell; Flags } (x64: offsets 0,4; size 8).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_CONNECT_DOORBELL_26100
{
    public uint hDoorbell;
    public uint Flags; // D3DKMT_CONNECT_DOORBELL_FLAGS: none defined.
}

/// <summary>D3DDDI_DOORBELLMAPPING (d3dukmdt.h, 10.0.28000): where the OS mapped the doorbell (x64: offsets 0,8; size 16).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DDDI_DOORBELLMAPPING
{
    public nint CpuVa;
    public nint SecondaryCpuVa;
}

/// <summary>
/// D3DKMT_CONNECT_DOORBELL of the 10.0.28000 headers: { hHwQueue; Flags; D3DDDI_DOORBELLMAPPING DoorbellMapping;
/// BYTE Reserved[64] } (x64: offsets 0,4,8,24; size 88). The OS writes DoorbellMapping.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct D3DKMT_CONNECT_DOORBELL_28000
{
    public const int ReservedSize = 64;

    public uint hHwQueue; // DoorbellGuard passes the doorbell handle, as the reference page's text says (docs/runtime.md).
    public uint Flags;
    public D3DDDI_DOORBELLMAPPING DoorbellMapping;
    public fixed byte Reserved[ReservedSize];
}

/// <summary>D3DKMT_DESTROY_DOORBELL (x64: size 4).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_DESTROY_DOORBELL
{
    public uint hDoorbell;
}

/// <summary>D3DKMT_NOTIFY_WORK_SUBMISSION of the 10.0.26100 headers: { hDoorbell; Flags } (x64: offsets 0,4; size 8).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_NOTIFY_WORK_SUBMISSION_26100
{
    public uint hDoorbell;
    public uint Flags; // D3DKMT_NOTIFY_WORK_SUBMISSION_FLAGS.
}

/// <summary>
/// D3DKMT_NOTIFY_WORK_SUBMISSION of the 10.0.28000 headers: { hHwQueue; Flags; BYTE PrivateDriverData[D3DDDI_UMS_PDD_SIZE] }
/// (x64: offsets 0,4,8; size 72).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct D3DKMT_NOTIFY_WORK_SUBMISSION_28000
{
    /// <summary>D3DDDI_UMS_PDD_SIZE (d3dukmdt.h, 10.0.28000).</summary>
    public const int D3DDDI_UMS_PDD_SIZE = 64;

    public uint hHwQueue; // DoorbellGuard passes the doorbell handle, as for connect.
    public uint Flags;
    public fixed byte PrivateDriverData[D3DDDI_UMS_PDD_SIZE];
}

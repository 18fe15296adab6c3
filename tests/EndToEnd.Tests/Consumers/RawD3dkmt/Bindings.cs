using System;
using System.Runtime.InteropServices;

namespace Contoso.Umd;

// The D3DKMT doorbell structures and functions as code that calls the OS itself declares them (d3dkmthk.h, the
// layouts of the WDDM 3.2 reference pages). The analyzer knows them by these names: no attribute, no DoorbellGuard type.

[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_CREATE_DOORBELL
{
    public uint hHwQueue;
    public uint hRingBuffer;
    public uint hRingBufferControl;
    public uint Flags;
    public uint PrivateDriverDataSize;
    public IntPtr PrivateDriverData;
    public IntPtr DoorbellCPUVirtualAddress;
    public IntPtr DoorbellSecondaryCPUVirtualAddress;
    public IntPtr DoorbellStatusCPUVirtualAddress;
    public IntPtr HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
    public uint hDoorbell;
}

[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_CONNECT_DOORBELL
{
    public uint hDoorbell;
    public uint Flags;
}

[StructLayout(LayoutKind.Sequential)]
internal struct D3DKMT_NOTIFY_WORK_SUBMISSION
{
    public uint hDoorbell;
    public uint Flags;
}

internal enum D3DDDI_DOORBELLSTATUS : uint
{
    D3DDDI_DOORBELL_STATUS_CONNECTED = 0,
    D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY = 1,
    D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY = 2,
    D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT = 3,
}

internal static unsafe class Gdi32
{
    [DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(D3DKMT_CREATE_DOORBELL* args);
    [DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);
    [DllImport("gdi32.dll")] public static extern int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args);
}

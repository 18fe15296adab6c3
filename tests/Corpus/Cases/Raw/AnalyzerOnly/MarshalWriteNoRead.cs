// Marshal.WriteInt64 to the doorbell address and no status read at all: DBL001, and DBL006 (Marshal.WriteInt64 is an ordinary store).

public static class MarshalWriteNoRead
{
    public static unsafe bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        {|DBL001,DBL006:System.Runtime.InteropServices.Marshal.WriteInt64(create.DoorbellCPUVirtualAddress, (long)writePointer)|};
        return true;
    }
}

[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
public struct D3DKMT_CREATE_DOORBELL
{
    public uint hHwQueue;
    public uint hRingBuffer;
    public uint hRingBufferControl;
    public uint Flags;
    public uint PrivateDriverDataSize;
    public System.IntPtr PrivateDriverData;
    public System.IntPtr DoorbellCPUVirtualAddress;
    public System.IntPtr DoorbellSecondaryCPUVirtualAddress;
    public System.IntPtr DoorbellStatusCPUVirtualAddress;
    public System.IntPtr HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
    public uint hDoorbell;
}

public struct D3DKMT_CONNECT_DOORBELL { public uint hDoorbell; public uint Flags; }
public struct D3DKMT_NOTIFY_WORK_SUBMISSION { public uint hDoorbell; public uint Flags; }

public enum D3DDDI_DOORBELLSTATUS : uint
{
    D3DDDI_DOORBELL_STATUS_CONNECTED = 0,
    D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY = 1,
    D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY = 2,
    D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT = 3,
}

public static unsafe class Gdi
{
    [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(D3DKMT_CREATE_DOORBELL* args);
    [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);
    [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args);
}

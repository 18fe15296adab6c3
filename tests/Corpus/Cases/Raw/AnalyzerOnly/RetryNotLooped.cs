// DISCONNECTED_RETRY is answered with a connect but the loop does not go round again: the ring is lost, DBL002.

public static class RetryNotLooped
{
    public static unsafe bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        if (Gdi.D3DKMTConnectDoorbell(&connect) < 0)
            return false;
        ulong status;
        do
        {
            {|DBL002:System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, writePointer)|};
            status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
            if (status == 3)
                return false;
            if (status == 1)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                Gdi.D3DKMTNotifyWorkSubmission(&notify);
            }
            if (status == 2 && Gdi.D3DKMTConnectDoorbell(&connect) < 0)
                return false;
        }
        while (false);
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

using static DoorbellGuard.Sample.Raw.Gdi32;

namespace DoorbellGuard.Sample.Raw;

/// <summary>
/// User-mode submission written the way the documentation's pseudocode writes it: raw D3DKMT calls, the doorbell as the
/// D3DKMT_CREATE_DOORBELL that D3DKMTCreateDoorbell filled, the ring a store through DoorbellCPUVirtualAddress. The
/// analyzer checks it by the header's names. The first method is the pseudocode ported to C# word for word: its protocol
/// is right, but its plain store may publish the write pointer before the packets (DBL006). The other two ring with
/// Volatile.Write and are WRONG ON PURPOSE ("// expect DBLxxx" marks the line the build reports). The program never calls this code:
/// it needs Windows 11 24H2 and a driver with user-mode submission (the simulator stands in for them elsewhere).
/// </summary>
internal static unsafe class RawD3dkmtSubmission
{
    /// <summary>The documentation's loop: connect, then ring, read the status, notify or reconnect and go again; give up on abort.</summary>
    public static bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        if (D3DKMTConnectDoorbell(&connect) < 0)
            return false;
        ulong status;
        do
        {
            *(ulong*)create.DoorbellCPUVirtualAddress = writePointer; // expect DBL006
            status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
            if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                D3DKMTNotifyWorkSubmission(&notify);
            }
            else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY)
            {
                if (D3DKMTConnectDoorbell(&connect) < 0)
                    return false;
            }
            else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)
            {
                return false;
            }
        }
        while (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY);
        return true;
    }

    /// <summary>Mistake: the same loop without the notify. On CONNECTED_NOTIFY the GPU never looks at the ring.</summary>
    public static bool SubmitWithoutNotify(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        if (D3DKMTConnectDoorbell(&connect) < 0)
            return false;
        ulong status;
        do
        {
            System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, writePointer); // expect DBL003
            status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
            if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY && D3DKMTConnectDoorbell(&connect) < 0)
                return false;
            if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)
                return false;
        }
        while (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY);
        return true;
    }

    /// <summary>Mistake: a freshly created doorbell rung before D3DKMTConnectDoorbell. The first ring goes to the dummy page.</summary>
    public static bool StartWithoutConnect(uint queue, ulong writePointer)
    {
        var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
        if (D3DKMTCreateDoorbell(&create) < 0)
            return false;
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        ulong status;
        do
        {
            System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, writePointer); // expect DBL005
            status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
            if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                D3DKMTNotifyWorkSubmission(&notify);
            }
            else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY && D3DKMTConnectDoorbell(&connect) < 0)
            {
                return false;
            }
            else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)
            {
                return false;
            }
        }
        while (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY);
        return true;
    }
}

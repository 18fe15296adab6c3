// The documentation's user-mode submission loop ported to C# with raw D3DKMT calls: create, connect before the first
// ring, then ring, read the status, notify or reconnect and go again, give up on abort; and the same with pointers
// copied into locals, Volatile, the enum's members, and a recursive retry.
using System.Threading;

namespace ValidCode.Raw.DocumentedLoop;

public static unsafe class Submission
{
    public static bool Start(uint queue, ulong writePointer, out D3DKMT_CREATE_DOORBELL create)
    {
        create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
        fixed (D3DKMT_CREATE_DOORBELL* args = &create)
        {
            if (Gdi.D3DKMTCreateDoorbell(args) < 0)
                return false;
        }

        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        if (Gdi.D3DKMTConnectDoorbell(&connect) < 0)
            return false;
        return Submit(create, writePointer);
    }

    public static bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        ulong status;
        do
        {
            System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, writePointer);
            status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
            if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                Gdi.D3DKMTNotifyWorkSubmission(&notify);
            }
            else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY)
            {
                if (Gdi.D3DKMTConnectDoorbell(&connect) < 0)
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

    public static bool SubmitThroughLocals(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var bell = (ulong*)create.DoorbellCPUVirtualAddress;
        var word = (ulong*)create.DoorbellStatusCPUVirtualAddress;
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        while (true)
        {
            Volatile.Write(ref *bell, writePointer);
            var status = (D3DDDI_DOORBELLSTATUS)(uint)Volatile.Read(ref *word);
            if (status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED)
                return true;
            if (status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                return Gdi.D3DKMTNotifyWorkSubmission(&notify) >= 0;
            }

            if (status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)
                return false;
            var result = Gdi.D3DKMTConnectDoorbell(&connect);
            if (result != 0)
                return false;
        }
    }

    public static bool SubmitRecursively(ref D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, writePointer);
        var status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
        switch (status)
        {
            case 0:
                return true;
            case 1:
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                Gdi.D3DKMTNotifyWorkSubmission(&notify);
                return true;
            case 2:
                var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                if (Gdi.D3DKMTConnectDoorbell(&connect) < 0)
                    return false;
                return SubmitRecursively(ref create, writePointer);
            default:
                return false;
        }
    }
}

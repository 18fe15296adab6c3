using static Contoso.Umd.Gdi32;

namespace Contoso.Umd;

/// <summary>
/// Raw D3DKMT submission code, checked by DoorbellGuard.Analyzers alone with no attribute: the documented loop is
/// clean; each other method makes one mistake, marked "// expect DBLxxx" on the line the build reports.
/// </summary>
internal static unsafe class Submissions
{
    public static bool Documented(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        if (D3DKMTConnectDoorbell(&connect) < 0)
            return false;
        ulong status;
        do
        {
            System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, writePointer);
            status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
            if (status == 1)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                D3DKMTNotifyWorkSubmission(&notify);
            }
            else if (status == 2 && D3DKMTConnectDoorbell(&connect) < 0)
            {
                return false;
            }
            else if (status == 3)
            {
                return false;
            }
        }
        while (status == 2);
        return true;
    }

    public static void NeverRead(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        *(ulong*)create.DoorbellCPUVirtualAddress = writePointer; // expect DBL001, DBL006
    }

    public static bool NoReconnect(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        *(ulong*)create.DoorbellCPUVirtualAddress = writePointer; // expect DBL002, DBL006
        var status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
        if (status == 1)
        {
            var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
            D3DKMTNotifyWorkSubmission(&notify);
        }

        return status != 3;
    }

    public static bool NoNotify(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        uint status;
        do
        {
            *(ulong*)create.DoorbellCPUVirtualAddress = writePointer; // expect DBL003, DBL006
            status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
            if (status == 3)
                return false;
            if (status == 2 && D3DKMTConnectDoorbell(&connect) < 0)
                return false;
        }
        while (status == 2);
        return true;
    }

    public static bool AbortTakenForSuccess(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        D3DDDI_DOORBELLSTATUS status;
        do
        {
            *(ulong*)create.DoorbellCPUVirtualAddress = writePointer; // expect DBL004, DBL006
            status = (D3DDDI_DOORBELLSTATUS)(uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
            if (status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                D3DKMTNotifyWorkSubmission(&notify);
            }

            if (status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY && D3DKMTConnectDoorbell(&connect) < 0)
                return false;
        }
        while (status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY);
        return true;
    }

    public static bool RingBeforeConnect(uint queue, ulong writePointer)
    {
        var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
        if (D3DKMTCreateDoorbell(&create) < 0)
            return false;
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
        uint status;
        do
        {
            *(ulong*)create.DoorbellCPUVirtualAddress = writePointer; // expect DBL005, DBL006
            status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
            if (status == 3)
                return false;
            if (status == 1)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                D3DKMTNotifyWorkSubmission(&notify);
            }

            if (status == 2 && D3DKMTConnectDoorbell(&connect) < 0)
                return false;
        }
        while (status == 2);
        return true;
    }
}

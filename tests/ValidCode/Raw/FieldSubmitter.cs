// A submitter that keeps what D3DKMTCreateDoorbell returned in fields (the mapped addresses and the handle), fills them in
// its constructor, and runs the documented loop through them in Submit; private helpers ring and read for it.
namespace ValidCode.Raw.FieldSubmitter;

public sealed unsafe class Submitter
{
    private readonly ulong* _bell;
    private readonly ulong* _status;
    private readonly uint _handle;
    private D3DKMT_CREATE_DOORBELL _create;

    public Submitter(D3DKMT_CREATE_DOORBELL create)
    {
        _create = create;
        _bell = (ulong*)create.DoorbellCPUVirtualAddress;
        _status = (ulong*)create.DoorbellStatusCPUVirtualAddress;
        _handle = create.hDoorbell;
    }

    public bool Submit(ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = _handle };
        while (true)
        {
            System.Threading.Volatile.Write(ref *_bell, writePointer);
            var status = (uint)*_status;
            if (status == 3)
                return false;
            if (status == 1)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = _handle };
                Gdi.D3DKMTNotifyWorkSubmission(&notify);
            }

            if (status != 2)
                return true;
            if (Gdi.D3DKMTConnectDoorbell(&connect) < 0)
                return false;
        }
    }

    public bool SubmitThroughHelpers(ulong writePointer)
    {
        var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = _create.hDoorbell };
        uint status;
        do
        {
            Ring(ref _create, writePointer);
            status = Status(ref _create);
            if (status == 3)
                return false;
            if (status == 1)
            {
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = _create.hDoorbell };
                Gdi.D3DKMTNotifyWorkSubmission(&notify);
            }

            if (status == 2 && Gdi.D3DKMTConnectDoorbell(&connect) < 0)
                return false;
        }
        while (status == 2);
        return true;
    }

    public ulong PeekStatus() => *_status;

    public void Destroy()
    {
        var destroy = new D3DKMT_DESTROY_DOORBELL { hDoorbell = _handle };
        Gdi.D3DKMTDestroyDoorbell(&destroy);
    }

    private static void Ring(ref D3DKMT_CREATE_DOORBELL doorbell, ulong value) =>
        System.Threading.Volatile.Write(ref *(ulong*)doorbell.DoorbellCPUVirtualAddress, value);

    private static uint Status(ref D3DKMT_CREATE_DOORBELL doorbell) =>
        (uint)*(ulong*)doorbell.DoorbellStatusCPUVirtualAddress;
}

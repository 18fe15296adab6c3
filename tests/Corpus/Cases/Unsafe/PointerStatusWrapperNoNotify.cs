// Wrappers over the mapped pages (ring by pointer store, status by Volatile.Read of the status VA, connect by a function pointer); the caller handles retry and abort but never notifies: DBL003.
using System.Threading;
using DoorbellGuard;

public sealed unsafe class MappedDoorbell
{
    private readonly ulong* _doorbellVa;
    private readonly ulong* _statusVa;
    private readonly delegate* unmanaged<uint, int> _connect;
    private readonly uint _handle;

    public MappedDoorbell(ulong* doorbellVa, ulong* statusVa, delegate* unmanaged<uint, int> connect, uint handle)
    {
        _doorbellVa = doorbellVa;
        _statusVa = statusVa;
        _connect = connect;
        _handle = handle;
    }

    [DoorbellRing]
    public void Kick(ulong writePointer) => Volatile.Write(ref *_doorbellVa, writePointer);

    [DoorbellStatusRead]
    public DoorbellStatus Status => (DoorbellStatus)(uint)Volatile.Read(ref *_statusVa);

    [DoorbellConnect]
    public void Reconnect()
    {
        if (_connect(_handle) < 0)
            throw new DoorbellException("D3DKMTConnectDoorbell failed");
    }
}

public static class MappedSubmission
{
    public static bool Submit(MappedDoorbell doorbell, ulong tail)
    {
        while (true)
        {
            {|DBL003:doorbell.Kick(tail)|};
            var status = doorbell.Status;
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Reconnect();
                continue;
            }

            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

// Clean: four wrappers that are pointer code over the mapped doorbell pages, and a caller that runs the whole protocol through them.
using System.Threading;
using DoorbellGuard;

public sealed unsafe class MappedQueue
{
    private readonly ulong* _doorbellVa;
    private readonly ulong* _statusVa;
    private readonly delegate* unmanaged<uint, int> _connect;
    private readonly delegate* unmanaged<uint, int> _notify;
    private readonly uint _handle;

    public MappedQueue(ulong* doorbellVa, ulong* statusVa, delegate* unmanaged<uint, int> connect, delegate* unmanaged<uint, int> notify, uint handle)
    {
        _doorbellVa = doorbellVa;
        _statusVa = statusVa;
        _connect = connect;
        _notify = notify;
        _handle = handle;
    }

    [DoorbellRing]
    public void Kick(ulong writePointer) => Volatile.Write(ref *_doorbellVa, writePointer);

    [DoorbellStatusRead]
    public DoorbellStatus ReadStatus() => (DoorbellStatus)(uint)(Volatile.Read(ref *_statusVa) & 0xFFFFFFFFUL);

    [DoorbellConnect]
    public void Connect() => _ = _connect(_handle);

    [DoorbellNotify]
    public void Notify() => _ = _notify(_handle);

    public bool Submit(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            Kick(tail);
            status = ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            Notify();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

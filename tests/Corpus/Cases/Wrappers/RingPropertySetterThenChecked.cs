// Clean: assigning a [DoorbellRing] tail property, then reading the [DoorbellStatusRead] property and answering each status.
using DoorbellGuard;

public sealed class MmioQueue
{
    private readonly Doorbell _doorbell;

    public MmioQueue(Doorbell doorbell) => _doorbell = doorbell;

    public ulong Tail
    {
        [DoorbellRing]
        set => _doorbell.Ring(value);
    }

    [DoorbellStatusRead] public DoorbellStatus Status => _doorbell.ReadStatus();
    [DoorbellConnect] public void Reconnect() => _doorbell.Connect();
    [DoorbellNotify] public void Notify() => _doorbell.NotifyWorkSubmission();
}

public static class MmioUser
{
    public static void Advance(MmioQueue queue, ulong tail)
    {
        queue.Tail = tail;
        var status = queue.Status;
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            queue.Reconnect();
            queue.Tail = tail;
            status = queue.Status;
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("MMIO queue lost");
        if (status == DoorbellStatus.ConnectedNotify)
            queue.Notify();
    }
}

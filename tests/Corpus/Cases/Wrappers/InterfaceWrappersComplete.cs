// Clean: interface wrappers, the abort separated with 'is DisconnectedAbort' and thrown.
using DoorbellGuard;

public interface IHwQueue
{
    [DoorbellRing] void Kick(ulong tail);
    [DoorbellStatusRead] DoorbellStatus Poll();
    [DoorbellConnect] void Reconnect();
    [DoorbellNotify] void Notify();
}

public static class HwQueueClient
{
    public static void Submit(IHwQueue queue, ulong tail)
    {
        queue.Kick(tail);
        var status = queue.Poll();
        while (status is DoorbellStatus.DisconnectedRetry)
        {
            queue.Reconnect();
            queue.Kick(tail);
            status = queue.Poll();
        }

        if (status is DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("hardware queue lost");
        if (status is DoorbellStatus.ConnectedNotify)
            queue.Notify();
    }
}

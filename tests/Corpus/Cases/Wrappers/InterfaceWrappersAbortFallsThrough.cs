// Wrappers marked on an interface; the caller loops on retry and notifies, but DisconnectedAbort leaves the loop as success: DBL004.
using DoorbellGuard;

public interface ISubmitQueue
{
    [DoorbellRing] void Kick(ulong tail);
    [DoorbellStatusRead] DoorbellStatus Poll();
    [DoorbellConnect] void Reconnect();
    [DoorbellNotify] void Notify();
}

public static class QueueClient
{
    public static void Submit(ISubmitQueue queue, ulong tail)
    {
        DoorbellStatus status;
        do
        {
            {|DBL004:queue.Kick(tail)|};
            status = queue.Poll();
            if (status == DoorbellStatus.DisconnectedRetry)
                queue.Reconnect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            queue.Notify();
    }
}

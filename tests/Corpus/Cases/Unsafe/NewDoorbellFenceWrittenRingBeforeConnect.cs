// A new doorbell: the fence value goes out through its mapped pointer, then the ring comes before any Connect(): DBL005.
using DoorbellGuard;

public static unsafe class ColdStart
{
    public static bool FirstSubmit(HardwareQueue queue, ulong* lastQueuedFence, ulong fence, ulong tail)
    {
        var doorbell = queue.CreateDoorbell();
        *lastQueuedFence = fence;
        while (true)
        {
            {|DBL005:doorbell.Ring(tail)|};
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.ConnectedNotify:
                    doorbell.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    break;
                case DoorbellStatus.DisconnectedAbort:
                    return false;
                default:
                    return true;
            }
        }
    }
}

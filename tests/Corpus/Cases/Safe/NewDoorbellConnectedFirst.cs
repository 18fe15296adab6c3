// Clean: a doorbell created here is connected before the loop that rings it; the switch handles every status.
using DoorbellGuard;

public static class OneShotQueue
{
    public static bool Run(HardwareQueue queue, ulong tail)
    {
        using var doorbell = queue.CreateDoorbell();
        doorbell.Connect();
        while (true)
        {
            doorbell.Ring(tail);
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    doorbell.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

// A doorbell created in either arm of ?: and connected before its first ring, answered by the documented loop: clean.
using DoorbellGuard;

public static class CreatedInEitherArmAndConnected
{
    public static bool Submit(HardwareQueue queue, bool low, ulong wp)
    {
        var doorbell = low ? queue.CreateDoorbell() : queue.CreateDoorbell();
        doorbell.Connect();
        DoorbellStatus status;
        do
        {
            doorbell.Ring(wp);
            status = doorbell.ReadStatus();
            if (status == DoorbellStatus.ConnectedNotify) doorbell.NotifyWorkSubmission();
            else if (status == DoorbellStatus.DisconnectedRetry) doorbell.Connect();
            else if (status == DoorbellStatus.DisconnectedAbort) return false;
        }
        while (status == DoorbellStatus.DisconnectedRetry);
        return true;
    }
}

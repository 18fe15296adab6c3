// A doorbell created in the method goes straight into the submission loop: its first ring is before any Connect(), DBL005.
using DoorbellGuard;

public static class QueueBootstrap
{
    public static bool SubmitFirst(HardwareQueue queue, ulong tail)
    {
        var doorbell = queue.CreateDoorbell();
        DoorbellStatus status;
        do
        {
            {|DBL005:doorbell.Ring(tail)|};
            status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return true;
    }
}

// A doorbell created in every arm of a switch expression is a new, disconnected doorbell: rung before Connect, DBL005 (and a retry is never reconnected, DBL002).
using DoorbellGuard;

public static class CreatedInEverySwitchArm
{
    public static bool Submit(HardwareQueue queue, int kind, ulong wp)
    {
        var doorbell = kind switch { 0 => queue.CreateDoorbell(), _ => queue.CreateDoorbell() };
        {|DBL002,DBL005:doorbell.Ring(wp)|};
        var status = doorbell.ReadStatus();
        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify;
    }
}

// A doorbell created here is rung by a private helper before any Connect(), though the caller then handles every status: DBL005 at the call.
using DoorbellGuard;

public static class HelperBootstrap
{
    public static bool Start(HardwareQueue queue, ulong tail)
    {
        var doorbell = queue.CreateDoorbell();
        {|DBL005:Kick(doorbell, tail)|};
        var status = doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            Kick(doorbell, tail);
            status = doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private static void Kick(Doorbell doorbell, ulong tail) => doorbell.Ring(tail);
}

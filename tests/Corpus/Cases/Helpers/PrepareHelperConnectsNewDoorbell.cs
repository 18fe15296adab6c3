// Clean: a private helper connects the doorbell created here before its first ring; the loop answers every status.
using DoorbellGuard;

public static class PreparedStart
{
    public static bool Start(HardwareQueue queue, ulong tail)
    {
        var doorbell = queue.CreateDoorbell();
        Prepare(doorbell);
        DoorbellStatus status;
        do
        {
            doorbell.Ring(tail);
            status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private static void Prepare(Doorbell doorbell)
    {
        System.Diagnostics.Trace.WriteLine("connecting doorbell " + doorbell.Handle);
        doorbell.Connect();
    }
}

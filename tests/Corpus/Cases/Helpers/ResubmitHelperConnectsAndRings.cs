// Clean: a private Resubmit helper reconnects and rings again; the caller reads after it each time and answers every status.
using DoorbellGuard;

public static class ResubmitLoop
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        doorbell.Ring(tail);
        var status = doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            Resubmit(doorbell, tail);
            status = doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return true;
    }

    private static void Resubmit(Doorbell doorbell, ulong tail)
    {
        doorbell.Connect();
        doorbell.Ring(tail);
    }
}

// Clean: each status has its branch; the retry reconnects and calls the method again with the same doorbell.
using DoorbellGuard;

public static class Submission
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        doorbell.Ring(tail);
        var status = doorbell.ReadStatus();
        if (status == DoorbellStatus.ConnectedNotify)
        {
            doorbell.NotifyWorkSubmission();
            return true;
        }

        if (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            return Submit(doorbell, tail);
        }

        return status == DoorbellStatus.Connected;
    }
}

// The re-ring of the retry loop goes through the alias and its ConnectedNotify is never answered (the notify follows the first read only): DBL003 at the re-ring.
using DoorbellGuard;

public static class AliasRetry
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        var retry = doorbell;
        doorbell.Ring(tail);
        var status = doorbell.ReadStatus();
        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            retry.Connect();
            {|DBL003:retry.Ring(tail)|};
            status = retry.ReadStatus();
        }

        return status != DoorbellStatus.DisconnectedAbort;
    }
}

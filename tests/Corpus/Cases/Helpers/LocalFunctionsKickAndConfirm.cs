// Clean: static local functions ring and read the doorbell they are given; the enclosing method answers every status.
using DoorbellGuard;

public static class LocalFunctions
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        var status = KickAndRead(doorbell, tail);
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            status = KickAndRead(doorbell, tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            Tell(doorbell);
        return status != DoorbellStatus.DisconnectedAbort;

        static DoorbellStatus KickAndRead(Doorbell target, ulong writePointer)
        {
            target.Ring(writePointer);
            return target.ReadStatus();
        }

        static void Tell(Doorbell target) => target.NotifyWorkSubmission();
    }
}

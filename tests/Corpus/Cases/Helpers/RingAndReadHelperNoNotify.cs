// A helper rings and returns the status it read (the call's value is that read); the caller answers retry and abort, not ConnectedNotify: DBL003 at both calls.
using DoorbellGuard;

public static class ProbeSubmit
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        var status = {|DBL003:RingAndRead(doorbell, tail)|};
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            status = {|DBL003:RingAndRead(doorbell, tail)|};
        }

        return status != DoorbellStatus.DisconnectedAbort;
    }

    private static DoorbellStatus RingAndRead(Doorbell doorbell, ulong tail)
    {
        doorbell.Ring(tail);
        return doorbell.ReadStatus();
    }
}

// Clean: static wrappers on a Doorbell parameter, retry by recursion with the same doorbell.
using DoorbellGuard;

public static class Gdi
{
    [DoorbellRing] public static void Ring(Doorbell doorbell, ulong tail) => doorbell.Ring(tail);
    [DoorbellStatusRead] public static DoorbellStatus Status(Doorbell doorbell) => doorbell.ReadStatus();
    [DoorbellConnect] public static void Connect(Doorbell doorbell) => doorbell.Connect();
    [DoorbellNotify] public static void Notify(Doorbell doorbell) => doorbell.NotifyWorkSubmission();
}

public static class GdiSubmit
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        Gdi.Ring(doorbell, tail);
        switch (Gdi.Status(doorbell))
        {
            case DoorbellStatus.ConnectedNotify:
                Gdi.Notify(doorbell);
                return true;
            case DoorbellStatus.DisconnectedRetry:
                Gdi.Connect(doorbell);
                return Submit(doorbell, tail);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

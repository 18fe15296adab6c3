// Static wrappers that take the doorbell as a parameter; DisconnectedRetry is answered by reconnecting only: DBL002.
using DoorbellGuard;

public static class Kmt
{
    [DoorbellRing]
    public static void Ring(Doorbell doorbell, ulong tail) => doorbell.Ring(tail);

    [DoorbellStatusRead]
    public static DoorbellStatus Status(Doorbell doorbell) => doorbell.ReadStatus();

    [DoorbellConnect]
    public static void Connect(Doorbell doorbell) => doorbell.Connect();

    [DoorbellNotify]
    public static void Notify(Doorbell doorbell) => doorbell.NotifyWorkSubmission();
}

public static class KmtUser
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        {|DBL002:Kmt.Ring(doorbell, tail)|};
        var status = Kmt.Status(doorbell);
        if (status == DoorbellStatus.DisconnectedRetry)
            Kmt.Connect(doorbell);
        if (status == DoorbellStatus.ConnectedNotify)
            Kmt.Notify(doorbell);
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

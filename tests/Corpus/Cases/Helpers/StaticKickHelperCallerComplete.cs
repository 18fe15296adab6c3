// Clean: a private static helper rings the doorbell it is given; the caller answers every status in a switch loop.
using DoorbellGuard;

public static class KickThenSwitch
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        while (true)
        {
            Kick(doorbell, tail);
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    doorbell.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    continue;
                default:
                    return false;
            }
        }
    }

    private static void Kick(Doorbell doorbell, ulong tail) => doorbell.Ring(tail);
}

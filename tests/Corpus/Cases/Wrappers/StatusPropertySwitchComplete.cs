// Clean: a [DoorbellStatusRead] property switched on in a loop; every status has its arm.
using DoorbellGuard;

public sealed class PresentChannel
{
    private readonly Doorbell _doorbell;

    public PresentChannel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing] public void Flip(ulong tail) => _doorbell.Ring(tail);
    [DoorbellStatusRead] public DoorbellStatus Status => _doorbell.ReadStatus();
    [DoorbellConnect] public void Reconnect() => _doorbell.Connect();
    [DoorbellNotify] public void Notify() => _doorbell.NotifyWorkSubmission();
}

public static class Presenter
{
    public static bool Present(PresentChannel channel, ulong tail)
    {
        while (true)
        {
            channel.Flip(tail);
            switch (channel.Status)
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    channel.Notify();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    channel.Reconnect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

// Wrappers used on the channel itself (implicit this) inside a switch loop; ConnectedNotify takes the default arm: DBL003 at Kick.
using DoorbellGuard;

public sealed class RingChannel
{
    private readonly Doorbell _doorbell;

    public RingChannel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing] public void Kick(ulong tail) => _doorbell.Ring(tail);
    [DoorbellStatusRead] public DoorbellStatus Status => _doorbell.ReadStatus();
    [DoorbellConnect] public void Reconnect() => _doorbell.Connect();

    public bool Submit(ulong tail)
    {
        while (true)
        {
            {|DBL003:Kick(tail)|};
            switch (Status)
            {
                case DoorbellStatus.DisconnectedRetry:
                    Reconnect();
                    continue;
                case DoorbellStatus.DisconnectedAbort:
                    return false;
                default:
                    return true;
            }
        }
    }
}

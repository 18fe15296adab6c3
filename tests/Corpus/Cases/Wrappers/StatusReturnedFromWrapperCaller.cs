// Clean: a method kicks through a wrapper and returns the polled status: its caller owns the answer.
using DoorbellGuard;

public sealed class LowLevelChannel
{
    private readonly Doorbell _doorbell;

    public LowLevelChannel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing] public void Kick(ulong tail) => _doorbell.Ring(tail);
    [DoorbellStatusRead] public DoorbellStatus Poll() => _doorbell.ReadStatus();

    public DoorbellStatus KickAndPoll(ulong tail)
    {
        Kick(tail);
        return Poll();
    }
}

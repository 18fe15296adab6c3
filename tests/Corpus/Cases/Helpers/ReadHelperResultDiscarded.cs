// The caller rings, then calls a private helper that reads and returns the status, and drops the value: DBL002, DBL003, DBL004 at the ring.
using DoorbellGuard;

public sealed class PollingQueue
{
    private readonly Doorbell _doorbell;

    public PollingQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Submit(ulong tail)
    {
        {|DBL002,DBL003,DBL004:_doorbell.Ring(tail)|};
        Poll();
    }

    private DoorbellStatus Poll() => _doorbell.ReadStatus();
}

// Clean: a low-level kick that returns the status it read; the caller owns the handling.
using DoorbellGuard;

public sealed class RawQueue
{
    private readonly Doorbell _doorbell;

    public RawQueue(Doorbell doorbell) => _doorbell = doorbell;

    public DoorbellStatus KickAndRead(ulong tail)
    {
        _doorbell.Ring(tail);
        return _doorbell.ReadStatus();
    }
}

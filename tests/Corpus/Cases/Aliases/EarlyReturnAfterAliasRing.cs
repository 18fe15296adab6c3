// Rung through an alias; an early return for a paused queue skips the read done later through the original: DBL001.
using DoorbellGuard;

public sealed class PausableQueue
{
    private readonly Doorbell _doorbell;
    private volatile bool _paused;

    public PausableQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Pause() => _paused = true;

    public DoorbellStatus Submit(ulong tail)
    {
        var target = _doorbell;
        {|DBL001:target.Ring(tail)|};
        if (_paused)
            return DoorbellStatus.Connected;
        return _doorbell.ReadStatus();
    }
}

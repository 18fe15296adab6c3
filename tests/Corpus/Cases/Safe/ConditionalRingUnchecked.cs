// A doorbell that may not exist yet is rung with ?. and never checked: DBL001 on the whole conditional access.
using DoorbellGuard;

public sealed class OverlayQueue
{
    private Doorbell? _doorbell;
    private ulong _tail;

    public void Attach(Doorbell doorbell) => _doorbell = doorbell;

    public void Push(uint bytes)
    {
        _tail += bytes;
        {|DBL001:_doorbell?.Ring(_tail)|};
    }
}

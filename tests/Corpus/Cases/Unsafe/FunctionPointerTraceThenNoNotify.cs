// The ring is traced through an unmanaged function pointer; retry and abort are handled, ConnectedNotify is not: DBL003.
using DoorbellGuard;

public sealed unsafe class TracedRing
{
    private readonly Doorbell _doorbell;
    private readonly delegate* unmanaged<ulong, void> _trace;

    public TracedRing(Doorbell doorbell, delegate* unmanaged<ulong, void> trace)
    {
        _doorbell = doorbell;
        _trace = trace;
    }

    public bool Kick(ulong tail)
    {
        {|DBL003:_doorbell.Ring(tail)|};
        _trace(tail);
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            return Kick(tail);
        }

        return status != DoorbellStatus.DisconnectedAbort;
    }
}

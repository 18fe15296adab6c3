// The status comes back through TryRing's out parameter and DisconnectedRetry gives up without reconnecting: DBL002 at the call.
using DoorbellGuard;

public sealed unsafe class TryRingOutParameterRetryDropped
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;

    public TryRingOutParameterRetryDropped(Doorbell doorbell, ulong* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    private bool TryRing(ulong wp, out DoorbellStatus status)
    {
        _doorbell.Ring(wp);
        status = _doorbell.ReadStatus();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public bool Submit(ulong wp, ulong packet)
    {
        _ring[wp % 64] = packet;
        if (!{|DBL002:TryRing(wp, out var status)|}) return false;
        if (status == DoorbellStatus.DisconnectedRetry) return false;
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
    }
}

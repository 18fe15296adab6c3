// The reconnect predicate is negated: retry falls through and notify is reconnected: DBL002 and DBL003.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class PredicateHelperNegatedPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public PredicateHelperNegatedPointer(Doorbell doorbell, ulong* ring, ulong* fence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _fence = fence;
    }

    private static bool NeedsReconnect(DoorbellStatus s) => s == DoorbellStatus.DisconnectedRetry;
    private static bool IsLost(DoorbellStatus s) { return s is DoorbellStatus.DisconnectedAbort; }

    public bool Submit(ulong wp, ulong packet)
    {
        while (true)
        {
            _ring[wp % 64] = packet;
            *_fence = wp;
            {|DBL002,DBL003:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            if (!NeedsReconnect(status)) { _doorbell.Connect(); continue; }
            if (IsLost(status)) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

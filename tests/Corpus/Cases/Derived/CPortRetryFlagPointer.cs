// The C port with its retry flag, in pointer code: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class CPortRetryFlagPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public CPortRetryFlagPointer(Doorbell doorbell, ulong* ring, ulong* fence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _fence = fence;
    }

    public bool Submit(ulong wp, ulong packet)
    {
        bool retry;
        do
        {
            _ring[wp % 64] = packet;
            *_fence = wp;
            _doorbell.Ring(wp);
            var s = _doorbell.ReadStatus();
            retry = false;
            if (s == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); retry = true; }
            else if (s == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            else if (s == DoorbellStatus.DisconnectedAbort) return false;
        }
        while (retry);
        return true;
    }
}

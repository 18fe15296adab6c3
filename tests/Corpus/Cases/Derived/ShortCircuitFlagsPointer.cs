// Flags built with || and && on the status, in pointer code: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class ShortCircuitFlagsPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public ShortCircuitFlagsPointer(Doorbell doorbell, ulong* ring, ulong* fence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _fence = fence;
    }

    public bool Submit(ulong wp, ulong packet)
    {
        while (true)
        {
            _ring[wp % 64] = packet;
            *_fence = wp;
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            bool disconnected = status == DoorbellStatus.DisconnectedRetry || status == DoorbellStatus.DisconnectedAbort;
            bool reconnect = disconnected && status != DoorbellStatus.DisconnectedAbort;
            if (reconnect) { _doorbell.Connect(); continue; }
            if (disconnected) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

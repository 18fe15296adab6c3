// The 'lost' flag tests Connected instead of DisconnectedAbort, so abort reaches 'return true': DBL004.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class FlagsWrongStatusPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public FlagsWrongStatusPointer(Doorbell doorbell, ulong* ring, ulong* fence)
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
            {|DBL004:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            bool reconnect = status == DoorbellStatus.DisconnectedRetry;
            bool lost = status == DoorbellStatus.Connected;
            if (reconnect) { _doorbell.Connect(); continue; }
            if (lost) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

// Pointer code, then flags computed from the status answer every status: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class FlagsAnswerEveryStatusPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public FlagsAnswerEveryStatusPointer(Doorbell doorbell, ulong* ring, ulong* fence)
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
            bool reconnect = status == DoorbellStatus.DisconnectedRetry;
            bool lost = status == DoorbellStatus.DisconnectedAbort;
            if (reconnect) { _doorbell.Connect(); continue; }
            if (lost) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

// The 'connected' flag leaves ConnectedNotify out, so notify goes to Connect and is never notified: DBL003.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class NegatedFlagsMissNotifyPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public NegatedFlagsMissNotifyPointer(Doorbell doorbell, ulong* ring, ulong* fence)
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
            {|DBL003:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            bool usable = status != DoorbellStatus.DisconnectedAbort;
            bool connected = status is DoorbellStatus.Connected;
            if (!usable) return false;
            if (!connected) { _doorbell.Connect(); continue; }
            if (status is DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

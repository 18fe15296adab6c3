using DoorbellGuard;

namespace ValidCode.Derived.PointerFlags;

/// <summary>Packets written through pointers into the mapped ring, then a C-style flag loop around the ring.</summary>
public sealed unsafe class PointerFlagSubmitter
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public PointerFlagSubmitter(Doorbell doorbell, ulong* ring, ulong* fence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _fence = fence;
    }

    public bool Submit(ulong wp, ulong packet)
    {
        _ring[wp % 64] = packet;
        *_fence = wp;
        bool retry;
        do
        {
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

    public bool Created(HardwareQueue queue, int kind, ulong wp, ulong packet)
    {
        var doorbell = kind switch { 0 => queue.CreateDoorbell(), _ => queue.CreateDoorbell() };
        doorbell.Connect();
        _ring[wp % 64] = packet;
        while (true)
        {
            doorbell.Ring(wp);
            var status = doorbell.ReadStatus();
            bool reconnect = status == DoorbellStatus.DisconnectedRetry;
            if (reconnect) { doorbell.Connect(); continue; }
            if (status == DoorbellStatus.DisconnectedAbort) return false;
            if (status == DoorbellStatus.ConnectedNotify) doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

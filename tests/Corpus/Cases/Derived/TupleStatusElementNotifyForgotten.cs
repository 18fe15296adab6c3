// The caller takes the status element of the helper's tuple and never notifies for ConnectedNotify: DBL003 at the call.
using DoorbellGuard;

public sealed unsafe class TupleStatusElementNotifyForgotten
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private ulong _completed;

    public TupleStatusElementNotifyForgotten(Doorbell doorbell, ulong* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    private (DoorbellStatus Status, ulong Fence) TryRingTuple(ulong wp)
    {
        _doorbell.Ring(wp);
        return (_doorbell.ReadStatus(), _completed);
    }

    public bool Submit(ulong wp, ulong packet)
    {
        _ring[wp % 64] = packet;
        while (true)
        {
            var status = {|DBL003:TryRingTuple(wp)|}.Status;
            if (status == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); continue; }
            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

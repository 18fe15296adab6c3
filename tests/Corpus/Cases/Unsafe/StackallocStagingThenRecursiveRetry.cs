// Clean: a packet staged with stackalloc, copied to the ring; retry reconnects and calls the method again on the same doorbell.
using DoorbellGuard;

public static unsafe class DispatchPackets
{
    public static bool Dispatch(Doorbell doorbell, uint* ring, ref uint wp, uint groups)
    {
        uint* packet = stackalloc uint[2];
        packet[0] = 0xC0011500u;
        packet[1] = groups;
        ring[wp++] = packet[0];
        ring[wp++] = packet[1];
        return Kick(doorbell, wp);
    }

    private static bool Kick(Doorbell doorbell, uint wp)
    {
        doorbell.Ring(wp);
        var status = doorbell.ReadStatus();
        switch (status)
        {
            case DoorbellStatus.ConnectedNotify:
                doorbell.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                doorbell.Connect();
                return Kick(doorbell, wp);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

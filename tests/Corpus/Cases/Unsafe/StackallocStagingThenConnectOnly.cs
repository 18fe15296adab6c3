// A packet is staged in stackalloc memory and copied to the ring; DisconnectedRetry only reconnects and never rings again: DBL002.
using DoorbellGuard;

public sealed unsafe class StagedQueue
{
    private readonly Doorbell _doorbell;
    private readonly uint* _ring;
    private uint _wp;

    public StagedQueue(Doorbell doorbell, uint* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public bool Dispatch(uint x, uint y, uint z)
    {
        uint* packet = stackalloc uint[4];
        packet[0] = 0xC0031500u;
        packet[1] = x;
        packet[2] = y;
        packet[3] = z;
        for (var i = 0; i < 4; i++)
            _ring[_wp++] = packet[i];

        {|DBL002:_doorbell.Ring(_wp)|};
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
            _doorbell.Connect();
        else if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

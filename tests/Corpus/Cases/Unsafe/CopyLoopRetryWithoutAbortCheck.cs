// A pointer copy loop fills the ring, then the while-retry loop exits on DisconnectedAbort and the method goes on as done: DBL004 at both rings.
using DoorbellGuard;

public sealed unsafe class RingCopier
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private ulong _wp;

    public RingCopier(Doorbell doorbell, ulong* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Copy(ulong* commands, int count)
    {
        for (var i = 0; i < count; i++)
            _ring[_wp + (ulong)i] = commands[i];
        _wp += (ulong)count;

        {|DBL004:_doorbell.Ring(_wp)|};
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            {|DBL004:_doorbell.Ring(_wp)|};
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }
}

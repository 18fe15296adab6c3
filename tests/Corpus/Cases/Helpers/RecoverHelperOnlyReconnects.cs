// On retry the caller calls a private Recover helper that reconnects the field's doorbell and never rings again: DBL002 at the ring.
using DoorbellGuard;

public sealed class ResilientQueue
{
    private readonly Doorbell _doorbell;
    private int _reconnects;

    public ResilientQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        {|DBL002:_doorbell.Ring(tail)|};
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
            Recover();
        else if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private void Recover()
    {
        _reconnects++;
        _doorbell.Connect();
    }
}

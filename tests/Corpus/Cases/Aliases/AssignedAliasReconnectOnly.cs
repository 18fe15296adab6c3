// 'active = _primary' (one assignment) names the primary doorbell twice; retry reconnects through the field and never rings again: DBL002.
using DoorbellGuard;

public sealed class PrimaryQueue
{
    private readonly Doorbell _primary;

    public PrimaryQueue(Doorbell primary) => _primary = primary;

    public bool Submit(ulong tail)
    {
        Doorbell active;
        active = _primary;
        {|DBL002:active.Ring(tail)|};
        var status = _primary.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
            _primary.Connect();
        if (status == DoorbellStatus.ConnectedNotify)
            active.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

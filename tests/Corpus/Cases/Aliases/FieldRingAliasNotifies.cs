// Clean: the field rings and reads; a local alias taken before does the reconnect and the notify.
using DoorbellGuard;

public sealed class NotifyingQueue
{
    private readonly Doorbell _doorbell;

    public NotifyingQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        var local = _doorbell;
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            local.Connect();
            _doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            local.NotifyWorkSubmission();
        return true;
    }
}

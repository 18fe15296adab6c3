// Clean: rung through a local alias of the field; retry reconnects the field and calls the method again on this, which rings the same doorbell.
using DoorbellGuard;

public sealed class RecursiveQueue
{
    private readonly Doorbell _doorbell;

    public RecursiveQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        var doorbell = _doorbell;
        doorbell.Ring(tail);
        var status = doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            return Submit(tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

// Clean: a private helper rings the field's doorbell; the caller reads and answers every status after each call. The helper's body owes nothing: its caller discharges it.
using DoorbellGuard;

public sealed class GeometryQueue
{
    private readonly Doorbell _doorbell;

    public GeometryQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            Kick(tail);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private void Kick(ulong tail) => _doorbell.Ring(tail);
}

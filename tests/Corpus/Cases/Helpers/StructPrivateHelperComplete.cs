// Clean: a struct's private helper rings its doorbell field; the struct's submit answers every status.
using DoorbellGuard;

public readonly struct SubmitContext
{
    private readonly Doorbell _doorbell;
    private readonly ulong _tail;

    public SubmitContext(Doorbell doorbell, ulong tail)
    {
        _doorbell = doorbell;
        _tail = tail;
    }

    public bool Submit()
    {
        DoorbellStatus status;
        do
        {
            Kick();
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private void Kick() => _doorbell.Ring(_tail);
}

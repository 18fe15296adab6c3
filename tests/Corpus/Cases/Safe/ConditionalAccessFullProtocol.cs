// Clean: an optional doorbell rung with ?. and its status read with ?. and ??, every status handled.
using DoorbellGuard;

public sealed class OptionalQueue
{
    private Doorbell? _doorbell;

    public void Attach(Doorbell doorbell) => _doorbell = doorbell;

    public bool TrySubmit(ulong tail)
    {
        _doorbell?.Ring(tail);
        var status = _doorbell?.ReadStatus() ?? DoorbellStatus.DisconnectedAbort;
        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell!.NotifyWorkSubmission();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell!.Connect();
            return TrySubmit(tail);
        }

        return true;
    }
}

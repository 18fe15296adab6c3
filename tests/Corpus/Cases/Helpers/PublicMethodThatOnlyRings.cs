// A public method that only rings is reported in its own body (external callers cannot be checked); the class's own caller is complete.
using DoorbellGuard;

public sealed class Presenter
{
    private readonly Doorbell _doorbell;

    public Presenter(Doorbell doorbell) => _doorbell = doorbell;

    public void Kick(ulong tail) => {|DBL001:_doorbell.Ring(tail)|};

    public bool Present(ulong tail)
    {
        Kick(tail);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            Kick(tail);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

// Clean: a public entry delegates to a private helper that runs the whole protocol, retrying by calling itself.
using DoorbellGuard;

public sealed class DelegatingQueue
{
    private readonly Doorbell _doorbell;

    public DelegatingQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail) => Kick(_doorbell, tail);

    private static bool Kick(Doorbell doorbell, ulong tail)
    {
        doorbell.Ring(tail);
        switch (doorbell.ReadStatus())
        {
            case DoorbellStatus.ConnectedNotify:
                doorbell.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                doorbell.Connect();
                return Kick(doorbell, tail);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

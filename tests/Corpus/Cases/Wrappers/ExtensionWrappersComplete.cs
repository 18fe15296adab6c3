// Clean: extension-method wrappers on Doorbell used with the documented loop.
using DoorbellGuard;

public static class DoorbellOps
{
    [DoorbellRing] public static void Kick(this Doorbell doorbell, ulong tail) => doorbell.Ring(tail);
    [DoorbellStatusRead] public static DoorbellStatus Poll(this Doorbell doorbell) => doorbell.ReadStatus();
    [DoorbellConnect] public static void Reattach(this Doorbell doorbell) => doorbell.Connect();
    [DoorbellNotify] public static void Tell(this Doorbell doorbell) => doorbell.NotifyWorkSubmission();
}

public sealed class ExtensionUser
{
    private readonly Doorbell _doorbell;

    public ExtensionUser(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            _doorbell.Kick(tail);
            status = _doorbell.Poll();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Reattach();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.Tell();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

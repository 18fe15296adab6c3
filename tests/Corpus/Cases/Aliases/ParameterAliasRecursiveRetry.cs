// Clean: a static submit rings through a copy of its parameter and retries by calling itself with the parameter.
using DoorbellGuard;

public static class ParameterAlias
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        var current = doorbell;
        current.Ring(tail);
        switch (doorbell.ReadStatus())
        {
            case DoorbellStatus.ConnectedNotify:
                current.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                doorbell.Connect();
                return Submit(doorbell, tail);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

// The C port reconnects but never sets its retry flag: the retried work is lost, DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class CPortRetryFlagNeverSet
{
    private readonly Doorbell _doorbell;

    public CPortRetryFlagNeverSet(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        bool retry;
        do
        {
            {|DBL002:_doorbell.Ring(wp)|};
            var s = _doorbell.ReadStatus();
            retry = false;
            if (s == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); }
            else if (s == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            else if (s == DoorbellStatus.DisconnectedAbort) return false;
        }
        while (retry);
        return true;
    }
}

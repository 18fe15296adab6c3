// Microsoft's pseudocode ported with a retry flag set in the retry branch: clean (retry==false after DisconnectedRetry is impossible).
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class CPortRetryFlag
{
    private readonly Doorbell _doorbell;

    public CPortRetryFlag(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        bool retry;
        do
        {
            _doorbell.Ring(wp);
            var s = _doorbell.ReadStatus();
            retry = false;
            if (s == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); retry = true; }
            else if (s == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            else if (s == DoorbellStatus.DisconnectedAbort) return false;
        }
        while (retry);
        return true;
    }
}

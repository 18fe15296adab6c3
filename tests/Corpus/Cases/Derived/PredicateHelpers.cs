// Static predicates on the status (expression- and block-bodied) decide reconnect and loss: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class PredicateHelpers
{
    private readonly Doorbell _doorbell;

    public PredicateHelpers(Doorbell doorbell) => _doorbell = doorbell;

    private static bool NeedsReconnect(DoorbellStatus s) => s == DoorbellStatus.DisconnectedRetry;
    private static bool IsLost(DoorbellStatus s) { return s is DoorbellStatus.DisconnectedAbort; }

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            if (NeedsReconnect(status)) { _doorbell.Connect(); continue; }
            if (IsLost(status)) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

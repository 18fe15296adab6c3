// An integer action code from nested ?: on the status: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class IntegerFromConditionals
{
    private readonly Doorbell _doorbell;

    public IntegerFromConditionals(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            int action = status == DoorbellStatus.DisconnectedRetry ? 1 : status == DoorbellStatus.DisconnectedAbort ? 2 : 0;
            if (action == 1) { _doorbell.Connect(); continue; }
            if (action != 0) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

// Flags computed from the status (reconnect, lost) answer every status: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class FlagsAnswerEveryStatus
{
    private readonly Doorbell _doorbell;

    public FlagsAnswerEveryStatus(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            bool reconnect = status == DoorbellStatus.DisconnectedRetry;
            bool lost = status == DoorbellStatus.DisconnectedAbort;
            if (reconnect) { _doorbell.Connect(); continue; }
            if (lost) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

// Negated flags and an 'is' pattern flag answer every status: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class NegatedFlagsAnswerEveryStatus
{
    private readonly Doorbell _doorbell;

    public NegatedFlagsAnswerEveryStatus(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            bool usable = status != DoorbellStatus.DisconnectedAbort;
            bool connected = status is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify;
            if (!usable) return false;
            if (!connected) { _doorbell.Connect(); continue; }
            if (status is DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

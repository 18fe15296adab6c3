// Flags built with || and && on the status: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class ShortCircuitFlags
{
    private readonly Doorbell _doorbell;

    public ShortCircuitFlags(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            bool disconnected = status == DoorbellStatus.DisconnectedRetry || status == DoorbellStatus.DisconnectedAbort;
            bool reconnect = disconnected && status != DoorbellStatus.DisconnectedAbort;
            if (reconnect) { _doorbell.Connect(); continue; }
            if (disconnected) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

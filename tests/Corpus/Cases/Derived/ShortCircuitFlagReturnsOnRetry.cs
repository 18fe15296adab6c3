// The reconnect flag returns instead of reconnecting: DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class ShortCircuitFlagReturnsOnRetry
{
    private readonly Doorbell _doorbell;

    public ShortCircuitFlagReturnsOnRetry(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            {|DBL002:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            bool disconnected = status == DoorbellStatus.DisconnectedRetry || status == DoorbellStatus.DisconnectedAbort;
            bool reconnect = disconnected && status != DoorbellStatus.DisconnectedAbort;
            if (reconnect) return false;
            if (disconnected) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

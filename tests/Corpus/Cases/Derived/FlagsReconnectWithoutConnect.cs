// The reconnect flag loops without Connect: DBL002 at the ring.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class FlagsReconnectWithoutConnect
{
    private readonly Doorbell _doorbell;

    public FlagsReconnectWithoutConnect(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            {|DBL002:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            bool reconnect = status == DoorbellStatus.DisconnectedRetry;
            bool lost = status == DoorbellStatus.DisconnectedAbort;
            if (reconnect) { continue; }
            if (lost) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

using DoorbellGuard;

namespace ValidCode.Derived.StatusFlags;

/// <summary>Flags computed from the status, then acted on: each answers exactly the statuses it was computed for.</summary>
public sealed class FlagSubmitter
{
    private readonly Doorbell _doorbell;

    public FlagSubmitter(Doorbell doorbell) => _doorbell = doorbell;

    public bool Named(ulong wp)
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

    public bool Inverted(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            bool usable = !(status == DoorbellStatus.DisconnectedAbort);
            bool connected = status is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify;
            if (!usable) return false;
            if (!connected) { _doorbell.Connect(); continue; }
            if (status is DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }

    public bool ShortCircuit(ulong wp)
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

    /// <summary>Microsoft's documented pseudocode, ported with a retry flag.</summary>
    public bool CPort(ulong wp)
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

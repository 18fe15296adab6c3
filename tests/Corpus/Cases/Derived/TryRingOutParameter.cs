// A private TryRing hands the status back through an out parameter; the caller answers every status: clean.
using DoorbellGuard;

public sealed class TryRingOutParameter
{
    private readonly Doorbell _doorbell;

    public TryRingOutParameter(Doorbell doorbell) => _doorbell = doorbell;

    private bool TryRing(ulong wp, out DoorbellStatus status)
    {
        _doorbell.Ring(wp);
        status = _doorbell.ReadStatus();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public bool Submit(ulong wp)
    {
        while (true)
        {
            if (!TryRing(wp, out var status)) return false;
            if (status == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); continue; }
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

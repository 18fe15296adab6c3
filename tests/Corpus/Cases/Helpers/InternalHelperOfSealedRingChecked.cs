// Clean: an internal method of a sealed ring type rings its field's doorbell; the owner reads through the ring's status helper and answers every status.
using DoorbellGuard;

public sealed class SubmitRing
{
    private readonly Doorbell _doorbell;
    private ulong _wp;

    public SubmitRing(Doorbell doorbell) => _doorbell = doorbell;

    internal void Commit(uint bytes)
    {
        _wp += bytes;
        _doorbell.Ring(_wp);
    }

    internal DoorbellStatus Status() => _doorbell.ReadStatus();

    internal void Reconnect() => _doorbell.Connect();

    internal void Notify() => _doorbell.NotifyWorkSubmission();
}

public sealed class RingOwner
{
    private readonly SubmitRing _ring;

    public RingOwner(SubmitRing ring) => _ring = ring;

    public bool EndFrame(uint bytes)
    {
        _ring.Commit(bytes);
        var status = _ring.Status();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _ring.Reconnect();
            return EndFrame(0);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _ring.Notify();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

// Clean: after the ring the doorbell is handed to an interface's confirmer, whose implementation cannot be known: the analysis leaves it to that code.
using DoorbellGuard;

public interface IRingConfirmer
{
    void Confirm(Doorbell doorbell, ulong tail);
}

public sealed class PluggableQueue
{
    private readonly Doorbell _doorbell;
    private readonly IRingConfirmer _confirmer;

    public PluggableQueue(Doorbell doorbell, IRingConfirmer confirmer)
    {
        _doorbell = doorbell;
        _confirmer = confirmer;
    }

    public void Submit(ulong tail)
    {
        _doorbell.Ring(tail);
        _confirmer.Confirm(_doorbell, tail);
    }
}

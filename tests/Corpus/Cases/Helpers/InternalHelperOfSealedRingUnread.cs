// An internal, non-virtual method of a sealed ring type rings the doorbell held in its field; the owner calls it and never reads: DBL001 at the call.
using DoorbellGuard;

public sealed class CommandRing
{
    private readonly Doorbell _doorbell;
    private ulong _wp;

    public CommandRing(Doorbell doorbell) => _doorbell = doorbell;

    internal void Commit(uint bytes)
    {
        _wp += bytes;
        _doorbell.Ring(_wp);
    }
}

public sealed class Device
{
    private readonly CommandRing _ring;

    public Device(CommandRing ring) => _ring = ring;

    public void EndFrame(uint bytes)
    {
        {|DBL001:_ring.Commit(bytes)|};
    }
}

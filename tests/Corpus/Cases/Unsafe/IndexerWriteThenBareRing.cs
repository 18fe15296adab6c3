// A packet written through a pointer indexer into the mapped ring, then a ring with no status read: DBL001.
using DoorbellGuard;

public sealed unsafe class CopyEngine
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private ulong _wp;

    public CopyEngine(Doorbell doorbell, ulong* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Kick(ulong packet)
    {
        _ring[_wp++] = packet;
        {|DBL001:_doorbell.Ring(_wp)|};
    }
}

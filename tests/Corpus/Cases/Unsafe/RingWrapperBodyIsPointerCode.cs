// Clean: a [DoorbellRing] wrapper whose body writes the packet through a pointer and rings: its own body is not flagged, its callers are.
using DoorbellGuard;

public sealed unsafe class PacketKicker
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private ulong _wp;

    public PacketKicker(Doorbell doorbell, ulong* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    [DoorbellRing]
    public void Kick(ulong packet)
    {
        _ring[_wp++] = packet;
        _doorbell.Ring(_wp);
    }

    [DoorbellStatusRead]
    public DoorbellStatus Status() => _doorbell.ReadStatus();
}

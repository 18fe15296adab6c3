// A packet struct with a fixed-size buffer is filled and stored into the ring; the ring is never checked: DBL001.
using DoorbellGuard;

public unsafe struct IndirectPacket
{
    public uint Header;
    public fixed uint Arguments[4];
}

public sealed unsafe class IndirectQueue
{
    private readonly Doorbell _doorbell;
    private readonly IndirectPacket* _ring;
    private ulong _count;

    public IndirectQueue(Doorbell doorbell, IndirectPacket* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void DispatchIndirect(uint x, uint y, uint z)
    {
        IndirectPacket packet = default;
        packet.Header = 0xC0041600u;
        packet.Arguments[0] = x;
        packet.Arguments[1] = y;
        packet.Arguments[2] = z;
        packet.Arguments[3] = 0;
        _ring[_count++] = packet;
        {|DBL001:_doorbell.Ring(_count * (ulong)sizeof(IndirectPacket))|};
    }
}

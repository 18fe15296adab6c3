// Clean: a fixed-buffer packet struct filled in place and stored to the ring, then RingAndConfirm.
using DoorbellGuard;

public unsafe struct CopyPacket
{
    public uint Header;
    public fixed ulong Addresses[2];
    public uint Bytes;
}

public sealed unsafe class CopyPacketQueue
{
    private readonly Doorbell _doorbell;
    private readonly CopyPacket* _ring;
    private ulong _count;

    public CopyPacketQueue(Doorbell doorbell, CopyPacket* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public DoorbellStatus Copy(ulong source, ulong destination, uint bytes)
    {
        var slot = _ring + _count++;
        slot->Header = 0xC0055000u;
        slot->Addresses[0] = source;
        slot->Addresses[1] = destination;
        slot->Bytes = bytes;
        return _doorbell.RingAndConfirm(_count * (ulong)sizeof(CopyPacket));
    }
}

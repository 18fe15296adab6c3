// Packets copied dword by dword with *(p + i) into a wrapping ring, then the status read is dropped: DBL002, DBL003, DBL004.
using DoorbellGuard;

public sealed unsafe class PacketWriter
{
    private readonly Doorbell _doorbell;
    private readonly uint* _ring;
    private readonly uint _mask;
    private uint _wp;

    public PacketWriter(Doorbell doorbell, uint* ring, uint dwordCount)
    {
        _doorbell = doorbell;
        _ring = ring;
        _mask = dwordCount - 1;
    }

    public void WriteAndKick(uint* packet, int dwords)
    {
        for (var i = 0; i < dwords; i++)
            *(_ring + ((_wp + (uint)i) & _mask)) = *(packet + i);
        _wp += (uint)dwords;
        {|DBL002,DBL003,DBL004:_doorbell.Ring(_wp)|};
        _doorbell.ReadStatus();
    }
}

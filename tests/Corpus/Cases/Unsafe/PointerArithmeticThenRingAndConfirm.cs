// Clean: a NOP-padded packet written with *(p + i), then RingAndConfirm does the whole protocol.
using DoorbellGuard;

public sealed unsafe class PaddedWriter
{
    private const uint Nop = 0x80000000u;
    private readonly Doorbell _doorbell;
    private readonly uint* _ring;
    private uint _wp;

    public PaddedWriter(Doorbell doorbell, uint* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Write(uint* packet, int dwords, int alignment)
    {
        for (var i = 0; i < dwords; i++)
            *(_ring + _wp++) = *(packet + i);
        while (_wp % (uint)alignment != 0)
            *(_ring + _wp++) = Nop;
        _doorbell.RingAndConfirm(_wp);
    }
}

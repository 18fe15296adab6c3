// A [DoorbellRing] wrapper that is itself pointer code (it writes the doorbell CPU VA with a plain store: DBL006); its caller never reads the status: DBL001 at the call.
using DoorbellGuard;

public sealed unsafe class NativeChannel
{
    private readonly ulong* _doorbellVa;
    private readonly ulong* _ring;
    private ulong _wp;

    public NativeChannel(ulong* doorbellVa, ulong* ring)
    {
        _doorbellVa = doorbellVa;
        _ring = ring;
    }

    [DoorbellRing]
    private void Kick(ulong writePointer) => {|DBL006:*_doorbellVa = writePointer|};

    public void Submit(ulong packet)
    {
        _ring[_wp++] = packet;
        {|DBL001:Kick(_wp)|};
    }
}

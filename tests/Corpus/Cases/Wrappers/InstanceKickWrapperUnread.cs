// A driver channel marks its kick [DoorbellRing]; a caller kicks and never polls the status: DBL001 at the wrapper call.
using DoorbellGuard;

public sealed class GfxChannel
{
    private readonly Doorbell _doorbell;

    public GfxChannel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing]
    public void Kick(ulong tail) => _doorbell.Ring(tail);

    [DoorbellStatusRead]
    public DoorbellStatus Poll() => _doorbell.ReadStatus();
}

public static class GfxSubmit
{
    public static void EndFrame(GfxChannel channel, ulong tail)
    {
        {|DBL001:channel.Kick(tail)|};
    }
}

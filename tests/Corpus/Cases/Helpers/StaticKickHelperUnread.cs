// A private static helper rings the doorbell it receives; the caller never reads: DBL001 at the call, the helper's body is clean.
using DoorbellGuard;

public sealed class BltEngine
{
    private readonly Doorbell _doorbell;
    private ulong _wp;

    public BltEngine(Doorbell doorbell) => _doorbell = doorbell;

    public void Blit(uint bytes)
    {
        _wp += bytes;
        {|DBL001:Kick(_doorbell, _wp)|};
    }

    private static void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);
}

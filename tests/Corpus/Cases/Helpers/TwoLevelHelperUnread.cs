// The ring is two private helpers down (Push, then Kick); the caller never reads: DBL001 at the caller's call.
using DoorbellGuard;

public sealed class ComputeDispatcher
{
    private readonly Doorbell _doorbell;
    private readonly ulong[] _ring;
    private ulong _wp;

    public ComputeDispatcher(Doorbell doorbell, ulong[] ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Dispatch(ulong packet)
    {
        {|DBL001:Push(_doorbell, packet)|};
    }

    private void Push(Doorbell doorbell, ulong packet)
    {
        _ring[_wp % (ulong)_ring.Length] = packet;
        _wp++;
        Kick(doorbell, _wp * sizeof(ulong));
    }

    private static void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);
}

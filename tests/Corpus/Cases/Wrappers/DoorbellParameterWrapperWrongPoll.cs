// An instance wrapper acts on its Doorbell parameter: the compute doorbell is kicked, the graphics one polled: DBL001 on the kick.
using DoorbellGuard;

public sealed class Submitter
{
    [DoorbellRing]
    public void Kick(Doorbell doorbell, ulong tail) => doorbell.Ring(tail);

    [DoorbellStatusRead]
    public DoorbellStatus Poll(Doorbell doorbell) => doorbell.ReadStatus();
}

public static class SubmitterUser
{
    public static bool Dispatch(Submitter submitter, Doorbell graphics, Doorbell compute, ulong tail)
    {
        {|DBL001:submitter.Kick(compute, tail)|};
        return submitter.Poll(graphics) != DoorbellStatus.DisconnectedAbort;
    }
}

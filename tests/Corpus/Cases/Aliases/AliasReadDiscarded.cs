// The parameter is rung, its alias reads the status and drops it: DBL002, DBL003, DBL004 at the ring.
using DoorbellGuard;

public static class AliasKick
{
    public static void Kick(Doorbell doorbell, ulong tail)
    {
        var sameDoorbell = doorbell;
        {|DBL002,DBL003,DBL004:doorbell.Ring(tail)|};
        sameDoorbell.ReadStatus();
    }
}

// A using statement's doorbell and an alias: connect and read through the resource, ring through the alias, the status dropped: DBL002, DBL003, DBL004.
using DoorbellGuard;

public static class ScopedKick
{
    public static void Kick(HardwareQueue queue, ulong tail)
    {
        using (var doorbell = queue.CreateDoorbell())
        {
            doorbell.Connect();
            var kick = doorbell;
            {|DBL002,DBL003,DBL004:kick.Ring(tail)|};
            doorbell.ReadStatus();
        }
    }
}

// A connected 'using var' doorbell rung through a second local, nobody reads: DBL001.
using DoorbellGuard;

public static class FireAndForget
{
    public static void Submit(HardwareQueue queue, ulong tail)
    {
        using var owned = queue.CreateDoorbell();
        owned.Connect();
        var doorbell = owned;
        {|DBL001:doorbell.Ring(tail)|};
    }
}

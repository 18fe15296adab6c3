// The ring is a [DoorbellRing] property setter (assigning the tail rings); the caller assigns it and never reads: DBL001 on the property.
using DoorbellGuard;

public sealed class TailRegister
{
    private readonly Doorbell _doorbell;

    public TailRegister(Doorbell doorbell) => _doorbell = doorbell;

    public ulong Tail
    {
        [DoorbellRing]
        set => _doorbell.Ring(value);
    }
}

public static class TailUser
{
    public static void Advance(TailRegister register, ulong tail, uint bytes)
    {
        {|DBL001:register.Tail|} = tail + bytes;
    }
}

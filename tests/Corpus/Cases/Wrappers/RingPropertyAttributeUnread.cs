// [DoorbellRing] on the tail property itself (not its setter); the caller assigns it and never reads: DBL001 on the property.
using DoorbellGuard;

public sealed class WriteIndexRegister
{
    private readonly Doorbell _doorbell;

    public WriteIndexRegister(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing]
    public ulong WriteIndex
    {
        set => _doorbell.Ring(value);
    }
}

public static class WriteIndexUser
{
    public static void Publish(WriteIndexRegister register, ulong index)
    {
        {|DBL001:register.WriteIndex|} = index;
    }
}

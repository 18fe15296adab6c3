// The ring wrapper is an abstract member of a base engine; a caller pushes through the base and never reads: DBL001.
using DoorbellGuard;

public abstract class Engine
{
    [DoorbellRing]
    public abstract void Push(ulong tail);

    [DoorbellStatusRead]
    public abstract DoorbellStatus Status { get; }
}

public sealed class SdmaEngine : Engine
{
    private readonly Doorbell _doorbell;

    public SdmaEngine(Doorbell doorbell) => _doorbell = doorbell;

    public override void Push(ulong tail) => _doorbell.Ring(tail);

    public override DoorbellStatus Status => _doorbell.ReadStatus();
}

public static class EngineUser
{
    public static void Flush(Engine engine, ulong tail)
    {
        {|DBL001:engine.Push(tail)|};
    }
}

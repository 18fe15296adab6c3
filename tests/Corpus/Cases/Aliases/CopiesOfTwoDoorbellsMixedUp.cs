// Copies of two different doorbells: the graphics copy is rung, the compute copy is read: DBL001 on the graphics ring.
using DoorbellGuard;

public sealed class DualQueue
{
    private readonly Doorbell _graphics;
    private readonly Doorbell _compute;

    public DualQueue(Doorbell graphics, Doorbell compute)
    {
        _graphics = graphics;
        _compute = compute;
    }

    public bool Submit(ulong tail)
    {
        var graphics = _graphics;
        var compute = _compute;
        {|DBL001:graphics.Ring(tail)|};
        return compute.ReadStatus() != DoorbellStatus.DisconnectedAbort;
    }
}

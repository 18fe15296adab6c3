// The compute doorbell is rung but the graphics doorbell's status is read: the compute ring is unchecked, DBL001.
using DoorbellGuard;

public sealed class AsyncComputeScheduler
{
    private readonly Doorbell _graphics;
    private readonly Doorbell _compute;

    public AsyncComputeScheduler(Doorbell graphics, Doorbell compute)
    {
        _graphics = graphics;
        _compute = compute;
    }

    public bool KickCompute(ulong computeTail)
    {
        {|DBL001:_compute.Ring(computeTail)|};
        var status = _graphics.ReadStatus();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

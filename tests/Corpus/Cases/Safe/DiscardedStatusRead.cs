// The status is read but the value is dropped: no status is handled, so DBL002, DBL003 and DBL004 at the ring.
using DoorbellGuard;

public sealed class BlitQueue
{
    private readonly Doorbell _doorbell;
    private ulong _writePointer;

    public BlitQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Flush(uint packetDwords)
    {
        _writePointer += packetDwords * 4u;
        {|DBL002,DBL003,DBL004:_doorbell.Ring(_writePointer)|};
        _doorbell.ReadStatus();
    }
}

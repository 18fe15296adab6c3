// A header local is copied into the ring through &header; an early return for empty batches skips the status read: DBL001.
using System;
using DoorbellGuard;

public sealed unsafe class BatchQueue
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ring;
    private ulong _wp;

    public BatchQueue(Doorbell doorbell, byte* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public bool Submit(int drawCount)
    {
        ulong header = 0xC0001000UL | (uint)drawCount;
        Buffer.MemoryCopy(&header, _ring + _wp, sizeof(ulong), sizeof(ulong));
        _wp += sizeof(ulong);
        {|DBL001:_doorbell.Ring(_wp)|};
        if (drawCount == 0)
            return true;

        return _doorbell.RingAndConfirm(_wp) == DoorbellStatus.Connected;
    }
}

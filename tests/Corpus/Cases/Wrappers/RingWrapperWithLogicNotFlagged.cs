// Clean: a [DoorbellRing] wrapper with logic of its own (it clamps and records the tail before ringing); its body owes nothing, it has no unchecked caller.
using System;
using DoorbellGuard;

public sealed class ClampingChannel
{
    private readonly Doorbell _doorbell;
    private readonly ulong _ringBytes;
    private ulong _lastTail;

    public ClampingChannel(Doorbell doorbell, ulong ringBytes)
    {
        _doorbell = doorbell;
        _ringBytes = ringBytes;
    }

    [DoorbellRing]
    public void Kick(ulong tail)
    {
        if (tail < _lastTail)
            throw new ArgumentOutOfRangeException(nameof(tail), "the write pointer only grows");
        _lastTail = tail;
        _doorbell.Ring(tail % (_ringBytes * 2));
    }

    [DoorbellStatusRead]
    public DoorbellStatus Poll() => _doorbell.ReadStatus();
}

// A deferred kick in a lambda rings and never reads: the lambda is checked on its own, DBL001 inside it.
using System;
using System.Collections.Generic;
using DoorbellGuard;

public sealed class DeferredKicks
{
    private readonly Doorbell _doorbell;
    private readonly List<Action> _endOfFrame = new();
    private ulong _tail;

    public DeferredKicks(Doorbell doorbell) => _doorbell = doorbell;

    public void Queue(uint bytes)
    {
        _tail += bytes;
        var tail = _tail;
        _endOfFrame.Add(() => {|DBL001:_doorbell.Ring(tail)|});
    }
}

// A switch expression on the status whose ConnectedNotify arm yields true without notifying: DBL003 (one of #11's former misses).
using System;
using DoorbellGuard;

public sealed class TransferQueue
{
    private readonly Doorbell _doorbell;

    public TransferQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Upload(ulong tail)
    {
        {|DBL003:_doorbell.Ring(tail)|};
        return _doorbell.ReadStatus() switch
        {
            DoorbellStatus.Connected => true,
            DoorbellStatus.ConnectedNotify => true,
            DoorbellStatus.DisconnectedRetry => throw new InvalidOperationException("doorbell disconnected: reconnect and resubmit"),
            _ => false,
        };
    }
}

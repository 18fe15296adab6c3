// Clean: a path that throws right after the ring owes nothing; the other path handles every status.
using System;
using DoorbellGuard;

public sealed class GuardedQueue
{
    private readonly Doorbell _doorbell;
    private volatile bool _deviceRemoved;

    public GuardedQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void OnDeviceRemoved() => _deviceRemoved = true;

    public bool Submit(ulong tail)
    {
        _doorbell.Ring(tail);
        if (_deviceRemoved)
            throw new InvalidOperationException("the device was removed during submission");

        var status = _doorbell.ReadStatus();
        switch (status)
        {
            case DoorbellStatus.ConnectedNotify:
                _doorbell.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                _doorbell.Connect();
                return Submit(tail);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

// Clean: packets go into the ring through a pointer indexer right before the documented loop, which handles every status.
using DoorbellGuard;

public sealed unsafe class CopyEngineQueue
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private ulong _wp;

    public CopyEngineQueue(Doorbell doorbell, ulong* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public bool Kick(ulong packet)
    {
        _ring[_wp++] = packet;
        DoorbellStatus status;
        do
        {
            _doorbell.Ring(_wp);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

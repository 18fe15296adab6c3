// Clean: ConnectedNotify is answered by a private helper that notifies the field's doorbell.
using DoorbellGuard;

public sealed class TellingQueue
{
    private readonly Doorbell _doorbell;
    private long _notifies;

    public TellingQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            TellKernel();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private void TellKernel()
    {
        _notifies++;
        _doorbell.NotifyWorkSubmission();
    }
}

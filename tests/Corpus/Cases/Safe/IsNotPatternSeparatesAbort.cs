// Clean: after the retry loop, 'is not (Connected or ConnectedNotify)' isolates the abort and throws.
using DoorbellGuard;

public sealed class MeshletQueue
{
    private readonly Doorbell _doorbell;

    public MeshletQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Draw(ulong tail)
    {
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
        }

        if (status is not (DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify))
            throw new DoorbellAbortedException("device lost while drawing");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }
}

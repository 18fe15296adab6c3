// Clean: rung through the pattern variable, read and answered through the field it matched.
using DoorbellGuard;

public sealed class OptionalComputeQueue
{
    private Doorbell? _compute;

    public void Attach(Doorbell doorbell) => _compute = doorbell;

    public bool Dispatch(ulong tail)
    {
        if (_compute is Doorbell doorbell)
        {
            doorbell.Ring(tail);
            var status = _compute.ReadStatus();
            while (status == DoorbellStatus.DisconnectedRetry)
            {
                _compute.Connect();
                doorbell.Ring(tail);
                status = _compute.ReadStatus();
            }

            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.NotifyWorkSubmission();
            return status != DoorbellStatus.DisconnectedAbort;
        }

        return false;
    }
}

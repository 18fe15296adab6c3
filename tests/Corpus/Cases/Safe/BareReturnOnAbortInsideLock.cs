// Inside a lock, a void method leaves on DisconnectedAbort with a bare return: nobody learns the work was lost, DBL004 (a former miss of #11).
using DoorbellGuard;

public sealed class SharedQueue
{
    private readonly object _gate = new();
    private readonly Doorbell _doorbell;

    public SharedQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Submit(ulong tail)
    {
        lock (_gate)
        {
            DoorbellStatus status;
            do
            {
                {|DBL004:_doorbell.Ring(tail)|};
                status = _doorbell.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    _doorbell.Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.DisconnectedAbort)
                return;
            if (status == DoorbellStatus.ConnectedNotify)
                _doorbell.NotifyWorkSubmission();
        }
    }
}

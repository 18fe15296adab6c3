// DisconnectedRetry is answered with Connect() alone: the lost ring is never repeated, DBL002.
using DoorbellGuard;

public sealed class ComputeQueue
{
    private readonly Doorbell _doorbell;

    public ComputeQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Dispatch(ulong tail)
    {
        {|DBL002:_doorbell.Ring(tail)|};
        switch (_doorbell.ReadStatus())
        {
            case DoorbellStatus.ConnectedNotify:
                _doorbell.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                _doorbell.Connect();
                return true;
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

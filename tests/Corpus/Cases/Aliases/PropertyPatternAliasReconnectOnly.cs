// 'is { } doorbell' names the field twice; on retry only the field is reconnected, never rung again: DBL002.
using DoorbellGuard;

public sealed class HotSwapQueue
{
    private Doorbell? _current;

    public void Swap(Doorbell doorbell) => _current = doorbell;

    public bool Submit(ulong tail)
    {
        if (_current is not { } doorbell)
            return false;
        {|DBL002:doorbell.Ring(tail)|};
        switch (_current.ReadStatus())
        {
            case DoorbellStatus.ConnectedNotify:
                doorbell.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                _current.Connect();
                return true;
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}

// Clean: a lambda handed to the driver's own retry utility rings, reads and answers every status; on retry it connects and returns false so that the utility rings again.
using DoorbellGuard;

public static class RetryUtility
{
    public static void Until(System.Func<bool> attempt, int limit)
    {
        for (var i = 0; i < limit && !attempt(); i++)
        {
        }
    }
}

public sealed class BlitQueue
{
    private readonly Doorbell _doorbell;

    public BlitQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Submit(ulong tail) => RetryUtility.Until(() =>
    {
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        switch (status)
        {
            case DoorbellStatus.DisconnectedAbort:
                throw new DoorbellAbortedException("blit engine lost");
            case DoorbellStatus.DisconnectedRetry:
                _doorbell.Connect();
                return false;
            case DoorbellStatus.ConnectedNotify:
                _doorbell.NotifyWorkSubmission();
                return true;
            default:
                return true;
        }
    }, 8);
}

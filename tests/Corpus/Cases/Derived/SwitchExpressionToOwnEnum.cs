// A switch expression maps the status to the driver's own enum, a switch statement acts on it: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class SwitchExpressionToOwnEnum
{
    private readonly Doorbell _doorbell;

    public SwitchExpressionToOwnEnum(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            var step = status switch
            {
                DoorbellStatus.DisconnectedRetry => Step.Reconnect,
                DoorbellStatus.DisconnectedAbort => Step.Lost,
                _ => Step.Done,
            };
            switch (step)
            {
                case Step.Reconnect:
                    _doorbell.Connect();
                    continue;
                case Step.Lost:
                    return false;
            }
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

// The mapping sends DisconnectedRetry to Step.Done, so it is never reconnected: DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class SwitchExpressionLumpsRetryWithDone
{
    private readonly Doorbell _doorbell;

    public SwitchExpressionLumpsRetryWithDone(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            {|DBL002:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            var step = status switch
            {
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

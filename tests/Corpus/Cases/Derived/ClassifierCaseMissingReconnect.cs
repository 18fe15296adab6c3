// The switch on the classifier's answer has no Reconnect case: DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class ClassifierCaseMissingReconnect
{
    private readonly Doorbell _doorbell;

    public ClassifierCaseMissingReconnect(Doorbell doorbell) => _doorbell = doorbell;

    private static Step Classify(DoorbellStatus s) => s switch
    {
        DoorbellStatus.DisconnectedRetry => Step.Reconnect,
        DoorbellStatus.DisconnectedAbort => Step.Lost,
        DoorbellStatus.ConnectedNotify => Step.Done,
        DoorbellStatus.Connected => Step.Done,
        _ => Step.Lost,
    };

    public bool Submit(ulong wp)
    {
        while (true)
        {
            {|DBL002:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            switch (Classify(status))
            {
                case (Step)7:
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

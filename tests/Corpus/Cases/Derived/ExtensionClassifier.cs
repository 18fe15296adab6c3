// An extension method classifies the status; the caller tests its answer: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class ExtensionClassifier
{
    private readonly Doorbell _doorbell;

    public ExtensionClassifier(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            var step = status.Classify();
            if (step == Step.Reconnect) { _doorbell.Connect(); continue; }
            if (step == Step.Lost) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

public static class StatusSteps
{
    public static Step Classify(this DoorbellStatus s) => s switch
    {
        DoorbellStatus.DisconnectedRetry => Step.Reconnect,
        DoorbellStatus.DisconnectedAbort => Step.Lost,
        _ => Step.Done,
    };
}

// A private classifier lumps Connected and ConnectedNotify into Step.Done; the caller switches on it: clean.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed class LumpingClassifierHelper
{
    private readonly Doorbell _doorbell;

    public LumpingClassifierHelper(Doorbell doorbell) => _doorbell = doorbell;

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
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            switch (Classify(status))
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

using DoorbellGuard;

namespace ValidCode.Derived.Classifications;

public enum Step { Done, Reconnect, Lost }

public static class StatusSteps
{
    /// <summary>An exhaustive classifier that lumps the connected statuses into one step.</summary>
    public static Step Classify(this DoorbellStatus status) => status switch
    {
        DoorbellStatus.Connected => Step.Done,
        DoorbellStatus.ConnectedNotify => Step.Done,
        DoorbellStatus.DisconnectedRetry => Step.Reconnect,
        _ => Step.Lost,
    };
}

/// <summary>The status mapped to the driver's own enum or to a number, by a switch expression, ?: or a classifier helper.</summary>
public sealed class ClassifyingSubmitter
{
    private readonly Doorbell _doorbell;

    public ClassifyingSubmitter(Doorbell doorbell) => _doorbell = doorbell;

    private static bool NeedsReconnect(DoorbellStatus status) => status == DoorbellStatus.DisconnectedRetry;

    public bool BySwitchExpression(ulong wp)
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

    public bool ByExtension(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            switch (status.Classify())
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

    public bool ByNumber(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            int action = status == DoorbellStatus.DisconnectedRetry ? 1 : status == DoorbellStatus.DisconnectedAbort ? 2 : 0;
            if (action == 1) { _doorbell.Connect(); continue; }
            if (action == 2) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }

    public bool ByPredicate(ulong wp)
    {
        while (true)
        {
            _doorbell.Ring(wp);
            var status = _doorbell.ReadStatus();
            if (NeedsReconnect(status)) { _doorbell.Connect(); continue; }
            if (status == DoorbellStatus.DisconnectedAbort) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

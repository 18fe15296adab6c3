// The extension classifier's Reconnect answer is never acted on: DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class ExtensionClassifierAnswerIgnoredPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public ExtensionClassifierAnswerIgnoredPointer(Doorbell doorbell, ulong* ring, ulong* fence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _fence = fence;
    }

    public bool Submit(ulong wp, ulong packet)
    {
        while (true)
        {
            _ring[wp % 64] = packet;
            *_fence = wp;
            {|DBL002:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            var step = status.Classify();
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

// The classifier is followed, but nothing notifies for ConnectedNotify: DBL003.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class ClassifierForgetsNotifyPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public ClassifierForgetsNotifyPointer(Doorbell doorbell, ulong* ring, ulong* fence)
    {
        _doorbell = doorbell;
        _ring = ring;
        _fence = fence;
    }

    private static Step Classify(DoorbellStatus s) => s switch
    {
        DoorbellStatus.DisconnectedRetry => Step.Reconnect,
        DoorbellStatus.DisconnectedAbort => Step.Lost,
        DoorbellStatus.ConnectedNotify => Step.Done,
        DoorbellStatus.Connected => Step.Done,
        _ => Step.Lost,
    };

    public bool Submit(ulong wp, ulong packet)
    {
        while (true)
        {
            _ring[wp % 64] = packet;
            *_fence = wp;
            {|DBL003:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
            switch (Classify(status))
            {
                case Step.Reconnect:
                    _doorbell.Connect();
                    continue;
                case Step.Lost:
                    return false;
            }
            return true;
        }
    }
}

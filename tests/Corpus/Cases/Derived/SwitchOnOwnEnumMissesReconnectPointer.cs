// The switch on the driver's enum has no Reconnect case: DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class SwitchOnOwnEnumMissesReconnectPointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public SwitchOnOwnEnumMissesReconnectPointer(Doorbell doorbell, ulong* ring, ulong* fence)
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
            var step = status switch
            {
                DoorbellStatus.DisconnectedRetry => Step.Reconnect,
                DoorbellStatus.DisconnectedAbort => Step.Lost,
                _ => Step.Done,
            };
            switch (step)
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

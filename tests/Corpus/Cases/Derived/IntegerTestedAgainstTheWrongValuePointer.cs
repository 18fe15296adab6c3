// The action code for retry is 1 but the test reconnects on 2: DBL002.
using DoorbellGuard;

public enum Step { Done, Reconnect, Lost }

public sealed unsafe class IntegerTestedAgainstTheWrongValuePointer
{
    private readonly Doorbell _doorbell;
    private readonly ulong* _ring;
    private readonly ulong* _fence;

    public IntegerTestedAgainstTheWrongValuePointer(Doorbell doorbell, ulong* ring, ulong* fence)
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
            int action = status == DoorbellStatus.DisconnectedRetry ? 1 : status == DoorbellStatus.DisconnectedAbort ? 2 : 0;
            if (action == 2) { _doorbell.Connect(); continue; }
            if (action != 0) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

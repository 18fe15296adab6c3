// Clean: a generic packet stored through a T* and the write pointer advanced by sizeof(T); the abort is recorded as a lost frame.
using DoorbellGuard;

public sealed unsafe class TypedRing<T> where T : unmanaged
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ring;
    private ulong _wp;
    private int _lostFrames;

    public TypedRing(Doorbell doorbell, byte* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Push(in T packet)
    {
        *(T*)(_ring + _wp) = packet;
        _wp += (ulong)sizeof(T);
        DoorbellStatus status;
        do
        {
            _doorbell.Ring(_wp);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
        {
            _lostFrames++;
            return;
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }

    public int LostFrames => _lostFrames;
}

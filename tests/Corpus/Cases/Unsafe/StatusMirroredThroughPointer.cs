// Clean: the status is stored through a pointer into a shared page that the submission thread's owner polls: the value is handed over, as a stored field would be.
using DoorbellGuard;

public sealed unsafe class MirroredStatusQueue
{
    private readonly Doorbell _doorbell;
    private readonly uint* _statusMirror;

    public MirroredStatusQueue(Doorbell doorbell, uint* statusMirror)
    {
        _doorbell = doorbell;
        _statusMirror = statusMirror;
    }

    public void Kick(ulong tail)
    {
        _doorbell.Ring(tail);
        *_statusMirror = (uint)_doorbell.ReadStatus();
    }
}

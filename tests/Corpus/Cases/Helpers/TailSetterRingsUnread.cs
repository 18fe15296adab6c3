// A private setter publishes the tail by ringing; the method that sets it never reads the status: DBL001 at the assignment.
using DoorbellGuard;

public sealed class TelemetryQueue
{
    private readonly Doorbell _doorbell;
    private ulong _tail;

    public TelemetryQueue(Doorbell doorbell) => _doorbell = doorbell;

    private ulong Tail
    {
        get => _tail;
        set
        {
            _tail = value;
            _doorbell.Ring(value);
        }
    }

    public void Push(ulong bytes)
    {
        {|DBL001:Tail = _tail + bytes|};
    }
}

// A slot matched with 'case Doorbell doorbell:' is rung and never read: DBL001.
using DoorbellGuard;

public sealed class SubmissionSlot
{
    private object? _slot;

    public void Set(object slot) => _slot = slot;

    public void Flush(ulong tail)
    {
        switch (_slot)
        {
            case Doorbell doorbell:
                {|DBL001:doorbell.Ring(tail)|};
                break;
            case HardwareQueue queue:
                queue.Submit(new byte[] { 0x90 });
                break;
        }
    }
}

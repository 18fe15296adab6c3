// Clean: 'case Doorbell doorbell:' then the whole protocol through RingAndConfirm on that name.
using DoorbellGuard;

public sealed class SlotFlusher
{
    private object? _slot;

    public void Set(object slot) => _slot = slot;

    public bool Flush(ulong tail)
    {
        switch (_slot)
        {
            case Doorbell doorbell:
                doorbell.RingAndConfirm(tail);
                return true;
            default:
                return false;
        }
    }
}

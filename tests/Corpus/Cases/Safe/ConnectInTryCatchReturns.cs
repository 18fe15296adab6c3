// Clean: when connecting the new doorbell fails, the catch falls back and returns; the ring is reached only connected.
using DoorbellGuard;

public sealed class HybridSubmitter
{
    private readonly HardwareQueue _queue;

    public HybridSubmitter(HardwareQueue queue) => _queue = queue;

    public bool SubmitUserMode(byte[] commands, ulong tail)
    {
        var doorbell = _queue.CreateDoorbell();
        try
        {
            doorbell.Connect();
        }
        catch (DoorbellException)
        {
            _queue.Submit(commands);
            return false;
        }

        doorbell.RingAndConfirm(tail);
        return true;
    }
}

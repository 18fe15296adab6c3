// An extension method marked [DoorbellRing] adds the packet size and rings; the caller never reads: DBL001.
using DoorbellGuard;

public static class DoorbellExtensions
{
    [DoorbellRing]
    public static void Advance(this Doorbell doorbell, ref ulong tail, uint bytes)
    {
        tail += bytes;
        doorbell.Ring(tail);
    }
}

public sealed class StreamingUploader
{
    private readonly Doorbell _doorbell;
    private ulong _tail;

    public StreamingUploader(Doorbell doorbell) => _doorbell = doorbell;

    public void Upload(uint bytes)
    {
        {|DBL001:_doorbell.Advance(ref _tail, bytes)|};
    }
}

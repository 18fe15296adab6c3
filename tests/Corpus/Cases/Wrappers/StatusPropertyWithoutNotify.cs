// The status is a [DoorbellStatusRead] property; the caller answers retry and abort but never notifies: DBL003.
using DoorbellGuard;

public sealed class EncodeChannel
{
    private readonly Doorbell _doorbell;

    public EncodeChannel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing]
    public void Submit(ulong tail) => _doorbell.Ring(tail);

    [DoorbellStatusRead]
    public DoorbellStatus Status => _doorbell.ReadStatus();

    [DoorbellConnect]
    public void Reconnect() => _doorbell.Connect();
}

public static class Encoder
{
    public static bool EncodeFrame(EncodeChannel channel, ulong tail)
    {
        {|DBL003:channel.Submit(tail)|};
        var status = channel.Status;
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            channel.Reconnect();
            return EncodeFrame(channel, tail);
        }

        return status != DoorbellStatus.DisconnectedAbort;
    }
}

// Two channels: the video channel is kicked but the copy channel is notified: the video ring's ConnectedNotify is unhandled, DBL003.
using DoorbellGuard;

public sealed class Channel
{
    private readonly Doorbell _doorbell;

    public Channel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing] public void Kick(ulong tail) => _doorbell.Ring(tail);
    [DoorbellStatusRead] public DoorbellStatus Poll() => _doorbell.ReadStatus();
    [DoorbellConnect] public void Reconnect() => _doorbell.Connect();
    [DoorbellNotify] public void Notify() => _doorbell.NotifyWorkSubmission();
}

public sealed class MediaEngine
{
    private readonly Channel _video;
    private readonly Channel _copy;

    public MediaEngine(Channel video, Channel copy)
    {
        _video = video;
        _copy = copy;
    }

    public bool DecodeFrame(ulong tail)
    {
        {|DBL003:_video.Kick(tail)|};
        var status = _video.Poll();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _video.Reconnect();
            return DecodeFrame(tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _copy.Notify();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

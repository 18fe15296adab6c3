using DoorbellGuard;

namespace ValidCode.Wrappers;

/// <summary>A driver layer that wraps the doorbell: its ring wrapper's body is not flagged, its callers are checked.</summary>
public sealed class Channel
{
    private readonly Doorbell _doorbell;

    public Channel(HardwareQueue queue)
    {
        _doorbell = queue.CreateDoorbell();
        _doorbell.Connect();
    }

    [DoorbellRing]
    public void Kick(ulong tail) => _doorbell.Ring(tail);

    [DoorbellStatusRead]
    public DoorbellStatus Status => _doorbell.ReadStatus();

    [DoorbellConnect]
    public void Reconnect() => _doorbell.Connect();

    [DoorbellNotify]
    public void Notify() => _doorbell.NotifyWorkSubmission();

    /// <summary>The wrappers used on this channel itself: the doorbell is the implicit receiver.</summary>
    public bool SubmitHere(ulong tail)
    {
        while (true)
        {
            Kick(tail);
            switch (Status)
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    Notify();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    Reconnect();
                    continue;
                default:
                    return false;
            }
        }
    }

    public ulong Tail
    {
        [DoorbellRing]
        set => _doorbell.Ring(value);
    }
}

public static class ChannelUser
{
    public static bool Submit(Channel channel, ulong tail)
    {
        channel.Kick(tail);
        var status = channel.Status;
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            channel.Reconnect();
            channel.Kick(tail);
            status = channel.Status;
        }

        if (status == DoorbellStatus.ConnectedNotify)
            channel.Notify();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public static void Complete(HardwareQueue queue, Doorbell doorbell, ulong tail)
    {
        doorbell.RingAndConfirm(tail);
        queue.Submit(new byte[] { 0x90 });
    }
}

/// <summary>Methods named Ring and Connect on types that are no doorbell.</summary>
public sealed class Telephone
{
    public void Ring(ulong times) { }

    public void Connect() { }

    public static void Call(Telephone phone)
    {
        phone.Connect();
        phone.Ring(3);
        phone.Ring(4);
    }
}

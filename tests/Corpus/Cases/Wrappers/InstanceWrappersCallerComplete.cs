// Clean: a channel's four wrappers and a caller that runs the documented loop through them.
using DoorbellGuard;

public sealed class ComputeChannel
{
    private readonly Doorbell _doorbell;

    public ComputeChannel(Doorbell doorbell) => _doorbell = doorbell;

    [DoorbellRing] public void Kick(ulong tail) => _doorbell.Ring(tail);
    [DoorbellStatusRead] public DoorbellStatus Poll() => _doorbell.ReadStatus();
    [DoorbellConnect] public void Reconnect() => _doorbell.Connect();
    [DoorbellNotify] public void Notify() => _doorbell.NotifyWorkSubmission();
}

public static class ComputeDispatch
{
    public static bool Dispatch(ComputeChannel channel, ulong tail)
    {
        DoorbellStatus status;
        do
        {
            channel.Kick(tail);
            status = channel.Poll();
            if (status == DoorbellStatus.DisconnectedRetry)
                channel.Reconnect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            channel.Notify();
        return true;
    }
}

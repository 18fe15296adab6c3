// A public helper rings and returns the status; a caller in the same compilation retries and notifies but treats abort as success: DBL004 at the call. The helper itself hands the status on and says nothing.
using DoorbellGuard;

public sealed class VideoDecodeEngine
{
    public DoorbellStatus Kick(Doorbell doorbell, ulong tail)
    {
        doorbell.Ring(tail);
        return doorbell.ReadStatus();
    }
}

public sealed class DecodeSubmitter
{
    private readonly VideoDecodeEngine _engine = new();

    public void Submit(Doorbell doorbell, ulong tail)
    {
        var status = {|DBL004:_engine.Kick(doorbell, tail)|};
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            status = {|DBL004:_engine.Kick(doorbell, tail)|};
        }

        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
    }
}

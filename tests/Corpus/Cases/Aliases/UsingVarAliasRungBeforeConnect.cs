// A new doorbell held by 'using var' and a second local: the alias rings before either name connects: DBL005.
using DoorbellGuard;

public static class ScopedQueue
{
    public static bool SubmitOnce(HardwareQueue queue, ulong tail)
    {
        using var doorbell = queue.CreateDoorbell();
        var kick = doorbell;
        while (true)
        {
            {|DBL005:kick.Ring(tail)|};
            var status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                continue;
            }

            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.NotifyWorkSubmission();
            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

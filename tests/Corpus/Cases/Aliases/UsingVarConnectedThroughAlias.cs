// Clean: a new 'using var' doorbell is connected through a second name before its first ring through the first.
using DoorbellGuard;

public static class AliasConnect
{
    public static bool Submit(HardwareQueue queue, ulong tail)
    {
        using var doorbell = queue.CreateDoorbell();
        var connector = doorbell;
        connector.Connect();
        DoorbellStatus status;
        do
        {
            doorbell.Ring(tail);
            status = connector.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                connector.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

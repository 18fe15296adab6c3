// Clean: a using statement's doorbell connected, rung through an alias, read and answered through the resource.
using DoorbellGuard;

public static class ScopedSubmit
{
    public static bool Submit(HardwareQueue queue, ulong tail)
    {
        using (var doorbell = queue.CreateDoorbell())
        {
            doorbell.Connect();
            var kick = doorbell;
            DoorbellStatus status;
            do
            {
                kick.Ring(tail);
                status = doorbell.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    doorbell.Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.NotifyWorkSubmission();
            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

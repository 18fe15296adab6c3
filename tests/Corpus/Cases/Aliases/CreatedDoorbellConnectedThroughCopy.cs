// Clean: a created doorbell copied into a second local that connects it; the first name rings in a switch loop.
using DoorbellGuard;

public static class CopyConnect
{
    public static bool Start(HardwareQueue queue, ulong tail)
    {
        var doorbell = queue.CreateDoorbell();
        var owner = doorbell;
        owner.Connect();
        while (true)
        {
            doorbell.Ring(tail);
            switch (owner.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    owner.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    owner.Connect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

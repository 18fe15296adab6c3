// The Connect() of a new doorbell is in a try whose catch logs and carries on: on that path the first ring is before any connect, DBL005 (a former miss of #11).
using System;
using DoorbellGuard;

public static class LazyQueueStart
{
    public static bool Start(HardwareQueue queue, ulong tail)
    {
        var doorbell = queue.CreateDoorbell();
        try
        {
            doorbell.Connect();
        }
        catch (DoorbellException e)
        {
            Console.Error.WriteLine("connect failed, submitting anyway: " + e.Message);
        }

        while (true)
        {
            {|DBL005:doorbell.Ring(tail)|};
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    doorbell.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

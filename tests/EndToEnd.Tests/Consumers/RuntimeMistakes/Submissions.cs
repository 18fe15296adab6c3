using DoorbellGuard;

namespace Consumer;

/// <summary>
/// The classic mistakes, one per method, as a user of the DoorbellGuard runtime might write them.
/// A line ending in "// expect DBLxxx" is where the build must report that rule; nowhere else.
/// </summary>
public static class Submissions
{
    public static void BareRing(Doorbell doorbell, ulong writePointer)
    {
        doorbell.Ring(writePointer); // expect DBL001
    }

    public static void NoReconnect(Doorbell doorbell, ulong writePointer)
    {
        doorbell.Ring(writePointer); // expect DBL002
        switch (doorbell.ReadStatus())
        {
            case DoorbellStatus.ConnectedNotify:
                doorbell.NotifyWorkSubmission();
                break;
            case DoorbellStatus.DisconnectedAbort:
                throw new DoorbellAbortedException("The device is lost.");
        }
    }

    public static void NotifyMissing(Doorbell doorbell, ulong writePointer)
    {
        while (true)
        {
            doorbell.Ring(writePointer); // expect DBL003
            DoorbellStatus status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                continue;
            }

            if (status == DoorbellStatus.DisconnectedAbort)
            {
                throw new DoorbellAbortedException("The device is lost.");
            }

            return;
        }
    }

    public static bool AbortTreatedAsSuccess(Doorbell doorbell, ulong writePointer)
    {
        while (true)
        {
            doorbell.Ring(writePointer); // expect DBL004
            DoorbellStatus status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                continue;
            }

            if (status == DoorbellStatus.ConnectedNotify)
            {
                doorbell.NotifyWorkSubmission();
            }

            return true;
        }
    }

    public static void RingBeforeConnect(HardwareQueue queue, ulong writePointer)
    {
        Doorbell doorbell = queue.CreateDoorbell();
        while (true)
        {
            doorbell.Ring(writePointer); // expect DBL005
            DoorbellStatus status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                continue;
            }

            if (status == DoorbellStatus.DisconnectedAbort)
            {
                throw new DoorbellAbortedException("The device is lost.");
            }

            if (status == DoorbellStatus.ConnectedNotify)
            {
                doorbell.NotifyWorkSubmission();
            }

            return;
        }
    }
}

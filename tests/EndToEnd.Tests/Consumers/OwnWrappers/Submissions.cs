namespace Contoso.Gpu.Submission;

/// <summary>
/// The classic mistakes, on our own wrappers. A line ending in "// expect DBLxxx" is where the build must
/// report that rule. (DBL005 needs to know where a doorbell is created disconnected: the runtime's
/// HardwareQueue.CreateDoorbell; there is no attribute for that, so it cannot apply here.)
/// </summary>
public static class Submissions
{
    public static void BareRing(NativeDoorbell doorbell, ulong writePointer)
    {
        doorbell.Ring(writePointer); // expect DBL001
    }

    /// <summary>As submission code looks: the packet goes into the mapped ring through a pointer, then a bare ring.</summary>
    public static unsafe void PacketThenBareRing(NativeDoorbell doorbell, ulong* ring, ulong packet, ulong writePointer)
    {
        ring[writePointer % 256] = packet;
        doorbell.Ring(writePointer); // expect DBL001
    }

    public static void NoReconnect(NativeDoorbell doorbell, ulong writePointer)
    {
        doorbell.Ring(writePointer); // expect DBL002
        DoorbellStatus status = doorbell.ReadStatus();
        if (status == DoorbellStatus.ConnectedNotify)
        {
            doorbell.Notify();
        }
        else if (status == DoorbellStatus.DisconnectedAbort)
        {
            throw new System.InvalidOperationException("The device is lost.");
        }
    }

    public static void NotifyMissing(NativeDoorbell doorbell, ulong writePointer)
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
                throw new System.InvalidOperationException("The device is lost.");
            }

            return;
        }
    }

    public static bool AbortTreatedAsSuccess(NativeDoorbell doorbell, ulong writePointer)
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
                doorbell.Notify();
            }

            return true;
        }
    }

    public static void Correct(NativeDoorbell doorbell, ulong writePointer)
    {
        while (true)
        {
            doorbell.Ring(writePointer);
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return;
                case DoorbellStatus.ConnectedNotify:
                    doorbell.Notify();
                    return;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    continue;
                default:
                    throw new System.InvalidOperationException("The device is lost: fall back to kernel-mode submission.");
            }
        }
    }
}

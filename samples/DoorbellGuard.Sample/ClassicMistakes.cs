using DoorbellGuard;

namespace DoorbellGuard.Sample;

/// <summary>
/// WRONG ON PURPOSE: the classic doorbell mistakes, one per method, so that building the sample shows
/// the DoorbellGuard analyzer's warnings. The program never calls this code. A line ending in
/// "// expect DBLxxx" is where the build reports that rule (the end-to-end tests check it).
/// Each mistake compiles, and on a GPU each one would lose work with no error at all.
/// </summary>
internal static class ClassicMistakes
{
    /// <summary>Mistake: a bare ring. If the doorbell was victimized, the write went to a dummy page.</summary>
    public static void BareRing(Doorbell doorbell, ulong writePointer)
    {
        doorbell.Ring(writePointer); // expect DBL001
    }

    /// <summary>Mistake: the status is read, then ignored. Retry, notify and abort all go unhandled.</summary>
    public static void StatusIgnored(Doorbell doorbell, ulong writePointer)
    {
        doorbell.Ring(writePointer); // expect DBL002, DBL003, DBL004
        doorbell.ReadStatus();
    }

    /// <summary>Mistake: no reconnect. DisconnectedRetry falls through as if the ring had landed.</summary>
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

    /// <summary>Mistake: notify missing. Under ConnectedNotify the kernel-mode driver never hears of the work.</summary>
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

    /// <summary>Mistake: abort treated as success. A lost device reports the submission as done.</summary>
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

    /// <summary>
    /// Mistake: ring before connect. A new doorbell starts disconnected, so its first ring is lost; the
    /// rest of the loop is right, but the first ring should never have happened before Connect().
    /// </summary>
    public static void RingBeforeConnect(HardwareQueue queue, ulong writePointer)
    {
        using Doorbell doorbell = queue.CreateDoorbell();
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

    /// <summary>
    /// Mistake, as submission code usually looks: the packet is written through a pointer into the mapped
    /// ring, the doorbell is copied into a local, and a helper reads the status but never reconnects. A
    /// victimized doorbell makes the helper return as if the work had landed.
    /// </summary>
    public static unsafe void PacketThroughPointer(Doorbell doorbell, ulong* ring, ulong packet, ulong writePointer)
    {
        ring[writePointer % 256] = packet;
        Doorbell rung = doorbell;
        rung.Ring(writePointer); // expect DBL002
        ConfirmWithoutReconnect(rung);
    }

    private static void ConfirmWithoutReconnect(Doorbell doorbell)
    {
        DoorbellStatus status = doorbell.ReadStatus();
        if (status == DoorbellStatus.ConnectedNotify)
        {
            doorbell.NotifyWorkSubmission();
        }
        else if (status == DoorbellStatus.DisconnectedAbort)
        {
            throw new DoorbellAbortedException("The device is lost.");
        }
    }
}

using System;
using DoorbellGuard;

namespace Consumer;

/// <summary>Correct use of the DoorbellGuard runtime: the build must report nothing at all.</summary>
public static class Submissions
{
    /// <summary>The runtime runs the whole protocol.</summary>
    public static DoorbellStatus Submit(Doorbell doorbell, ulong writePointer) => doorbell.RingAndConfirm(writePointer);

    /// <summary>The documented loop, by hand: connect, ring, read, and act on every status.</summary>
    public static void SubmitByHand(HardwareQueue queue, ulong writePointer)
    {
        Doorbell doorbell = queue.CreateDoorbell();
        doorbell.Connect();
        while (true)
        {
            doorbell.Ring(writePointer);
            DoorbellStatus status = doorbell.ReadStatus();
            switch (status)
            {
                case DoorbellStatus.Connected:
                    return;
                case DoorbellStatus.ConnectedNotify:
                    doorbell.NotifyWorkSubmission();
                    return;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    continue;
                default:
                    throw new DoorbellAbortedException("The device is lost: re-create the queue, or fall back to kernel-mode submission.");
            }
        }
    }

    /// <summary>A caller that never touches the protocol itself.</summary>
    public static int SubmitAll(Doorbell doorbell, ReadOnlySpan<ulong> writePointers)
    {
        int notified = 0;
        foreach (ulong writePointer in writePointers)
        {
            if (Submit(doorbell, writePointer) == DoorbellStatus.ConnectedNotify)
            {
                notified++;
            }
        }

        return notified;
    }
}

using System;
using DoorbellGuard;

namespace DoorbellGuard.Sample;

/// <summary>
/// Correct code: what the program runs. The analyzer has nothing to say about this file.
/// </summary>
internal static class CorrectSubmission
{
    /// <summary>
    /// The recommended path: HardwareQueue.Submit writes the fence, appends the command buffer, rings,
    /// reads the status and acts on it (notify, reconnect and ring again, throw on abort).
    /// </summary>
    public static ulong Submit(HardwareQueue queue, ReadOnlySpan<byte> commandBuffer) => queue.Submit(commandBuffer);

    /// <summary>
    /// The same protocol written out by hand, as code that needs its own ring loop would: every ring is
    /// followed by a status read, and every status is acted on.
    /// </summary>
    public static ulong SubmitByHand(HardwareQueue queue, ReadOnlySpan<byte> commandBuffer, HandCounters counters)
    {
        // Steps 1-3: fence N+1, command buffer appended, write pointer advanced (connects the doorbell on first use).
        QueuedCommandBuffer queued = queue.Enqueue(commandBuffer);
        Doorbell doorbell = queue.Doorbell ?? throw new InvalidOperationException("Enqueue connects the queue's doorbell: it cannot be missing here.");

        for (int attempt = 1; ; attempt++)
        {
            // Step 4: ring. On a disconnected doorbell this write lands on a dummy page and is lost...
            doorbell.Ring(queued.WritePointer);
            counters.Rings++;

            // Step 5: ...which only the status tells.
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return queued.FenceValue;

                case DoorbellStatus.ConnectedNotify:
                    // The kernel-mode driver must hear about every ring while the status says so.
                    doorbell.NotifyWorkSubmission();
                    return queued.FenceValue;

                case DoorbellStatus.DisconnectedRetry:
                    // Victimized, or the engine or device powered down: the ring was lost. Reconnect and ring again.
                    if (attempt == doorbell.MaxRingAttempts)
                    {
                        throw new DoorbellException($"Doorbell {doorbell.Handle} stayed disconnected for {attempt} rings; fence {queued.FenceValue} did not reach the GPU.");
                    }

                    counters.Retries++;
                    doorbell.Connect();
                    counters.Reconnects++;
                    continue;

                default:
                    // DisconnectedAbort: the device is lost. Never report this submission as done.
                    throw new DoorbellAbortedException($"The device is lost: fence {queued.FenceValue} did not reach the GPU. Re-create the queue, or fall back to kernel-mode submission.");
            }
        }
    }
}

/// <summary>What <see cref="CorrectSubmission.SubmitByHand"/> did: the simulator's audit counts the runtime's rings, retries and reconnects, not bare ones.</summary>
internal sealed class HandCounters
{
    public long Rings { get; set; }

    public long Retries { get; set; }

    public long Reconnects { get; set; }
}

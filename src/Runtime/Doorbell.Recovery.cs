using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DoorbellGuard;

// The out-of-line part of RingAndConfirm: everything but "rang, and the status read CONNECTED".
public sealed unsafe partial class Doorbell
{
    /// <summary>Acts on the status read after the first ring: CONNECTED returns it; otherwise notify, retry, or give up.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DoorbellStatus ActOnStatus(DoorbellStatus status, ulong value, ulong* progressFence, ulong fenceValue)
    {
        DoorbellCounters? counters = _counters;
        for (int attempt = 1; ; attempt++)
        {
            switch (status)
            {
                case DoorbellStatus.Connected:
                    return status;
                case DoorbellStatus.ConnectedNotify:
                    NotifyWorkSubmission();
                    return status;
                case DoorbellStatus.DisconnectedAbort:
                    throw new DoorbellAbortedException(AbortMessage(
                        "The status read DISCONNECTED_ABORT after ring attempt " + attempt.ToString(CultureInfo.InvariantCulture) + ", so the ring did not reach the GPU"));
                case DoorbellStatus.DisconnectedRetry:
                    break;
                default:
                    throw new DoorbellException("The status page of doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + " holds "
                        + ((uint)status).ToString(CultureInfo.InvariantCulture) + " in its low 32 bits, which is not a D3DDDI_DOORBELLSTATUS value (0 to 3); the ring may not have reached the GPU.");
            }

            if (attempt >= _maxRingAttempts)
            {
                throw new DoorbellException("Doorbell " + Handle.ToString(CultureInfo.InvariantCulture) + " was still DISCONNECTED_RETRY after "
                    + attempt.ToString(CultureInfo.InvariantCulture) + " ring attempts (each retry connected first), so the ring may not have reached the GPU; ringing the same value again later is harmless. "
                    + "Other queues keep taking its physical doorbell: use fewer queues than the GPU has doorbells, or raise DoorbellOptions.MaxRingAttempts.");
            }

            if (counters != null)
                Interlocked.Increment(ref counters.Retries);
            if (attempt > 2)
                Backoff(attempt);
            Reconnect(counters, progressFence, fenceValue);
            status = RingOnce(value, counters);
        }
    }

    /// <summary>
    /// The rest of a RingAndConfirm whose first write was not the whole story: the doorbell has a secondary address or
    /// the status was not CONNECTED (finish the ring, then act on the status), or it had no address to ring (disposed:
    /// throw; the last connect mapped nothing: connect first, as for DISCONNECTED_RETRY, then ring).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DoorbellStatus AfterFirstWrite(ulong value, ulong* progressFence, ulong fenceValue)
    {
        DoorbellCounters? counters = _counters;
        DoorbellStatus status;
        if (_doorbell == null)
        {
            // The write went to the unusable page: no ring was made. Connect throws first if the doorbell was disposed.
            Reconnect(counters, progressFence, fenceValue);
            status = RingOnce(value, counters);
        }
        else
        {
            ulong* secondary = _secondary;
            if (secondary != null)
                Volatile.Write(ref *secondary, value);
            if (counters != null)
                counters.RingAttempts++;
            status = ReadStatus();
        }

        return ActOnStatus(status, value, progressFence, fenceValue);
    }

    private void Reconnect(DoorbellCounters? counters, ulong* progressFence, ulong fenceValue)
    {
        Connect();
        if (counters != null)
            Interlocked.Increment(ref counters.Reconnects);
        if (progressFence != null)
            Volatile.Write(ref *progressFence, fenceValue);
    }

    private DoorbellStatus RingOnce(ulong value, DoorbellCounters? counters)
    {
        if (counters != null)
            counters.RingAttempts++;
        Ring(value);
        return ReadStatus();
    }

    private static void Backoff(int attempt)
    {
        // Queues that keep victimizing each other need the other side to make progress first.
        if (attempt < 6)
            Thread.Yield();
        else
            Thread.Sleep(attempt < 10 ? 0 : 1);
    }

    private string AbortMessage(string what) =>
        what + " on doorbell " + Handle.ToString(CultureInfo.InvariantCulture)
        + ": the device is lost (TDR, GPU stopped or adapter removed). Stop using this queue: destroy and re-create the queue, doorbell and ring buffer, or fall back to kernel-mode submission.";
}

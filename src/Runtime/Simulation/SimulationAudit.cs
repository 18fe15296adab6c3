using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DoorbellGuard.Simulation;

/// <summary>
/// What happened to every submission on a <see cref="SimulatedAdapter"/>, from both sides: the simulated GPU (what it
/// received and executed) and the runtime (what <see cref="HardwareQueue.Submit(ReadOnlySpan{byte})"/> reported to
/// the caller). A submission is a command buffer whose fence value was written to the last-queued-value address.
/// Every one is executed, pending (received, waiting for a suspended context or a powered-down device), surfaced
/// (not received, and the caller got an exception for it) or silently lost (not received, and nobody was told).
/// </summary>
public sealed class SimulationAudit
{
    private readonly IReadOnlyList<QueueAudit> _queues;

    internal SimulationAudit(IReadOnlyList<QueueAudit> queues, long ringAttempts, long retries, long reconnects, long connects, long notifies,
        long victimizations, long engineF1, long powerDowns, long wakes, long suspensions, long resumes, long deviceLosses)
    {
        _queues = queues;
        SubmissionsQueued = queues.Sum(q => q.Queued);
        SubmissionsExecuted = queues.Sum(q => q.Executed);
        SubmissionsPending = queues.Sum(q => q.Pending);
        SubmissionsSurfaced = queues.Sum(q => q.Surfaced);
        SubmissionsSilentlyLost = queues.Sum(q => q.SilentlyLost);
        SubmissionsDelivered = queues.Sum(q => q.Delivered);
        SubmissionsRejected = queues.Sum(q => q.Rejected);
        MalformedRings = queues.Sum(q => q.Malformed);
        RingsObserved = queues.Sum(q => q.RingsObserved);
        LateDeliveries = queues.Sum(q => q.LateDeliveries);
        RingAttempts = ringAttempts;
        Retries = retries;
        Reconnects = reconnects;
        Connects = connects;
        Notifies = notifies;
        Victimizations = victimizations;
        EngineF1Transitions = engineF1;
        PowerDowns = powerDowns;
        Wakes = wakes;
        Suspensions = suspensions;
        Resumes = resumes;
        DeviceLosses = deviceLosses;
    }

    /// <summary>Submissions queued: fence values written to the last-queued-value addresses (sum over queues).</summary>
    public long SubmissionsQueued { get; }

    /// <summary>Submissions the simulated GPU executed.</summary>
    public long SubmissionsExecuted { get; }

    /// <summary>Submissions the GPU received but has not executed yet (suspended context, device in D3).</summary>
    public long SubmissionsPending { get; }

    /// <summary>Submissions the GPU never received for which the caller got an exception.</summary>
    public long SubmissionsSurfaced { get; }

    /// <summary>Submissions the GPU never received and nobody was told about. Must be 0.</summary>
    public long SubmissionsSilentlyLost { get; }

    /// <summary>Submissions HardwareQueue.Submit reported as delivered (returned their fence value).</summary>
    public long SubmissionsDelivered { get; }

    /// <summary>Submit calls that threw before queuing anything (the queue had aborted, or its first connect failed).</summary>
    public long SubmissionsRejected { get; }

    /// <summary>Rings the GPU received that pointed past anything it could parse (for example rings with no command buffer behind them).</summary>
    public long MalformedRings { get; }

    /// <summary>
    /// With <see cref="SimulatedAdapterOptions.VerifyEveryDelivery"/>: submissions Submit reported delivered whose ring
    /// had not reached the GPU at that moment (a later ring may have carried them). Must be 0.
    /// </summary>
    public long LateDeliveries { get; }

    /// <summary>Ring values the GPU took from connected doorbells.</summary>
    public long RingsObserved { get; }

    /// <summary>Rings made by RingAndConfirm and Submit (bare <see cref="Doorbell.Ring(ulong)"/> calls are plain writes nobody counts).</summary>
    public long RingAttempts { get; }

    /// <summary>Times RingAndConfirm read DISCONNECTED_RETRY and tried again.</summary>
    public long Retries { get; }

    /// <summary>Connects RingAndConfirm made after DISCONNECTED_RETRY.</summary>
    public long Reconnects { get; }

    /// <summary>D3DKMTConnectDoorbell calls the adapter served.</summary>
    public long Connects { get; }

    /// <summary>D3DKMTNotifyWorkSubmission calls made through doorbells.</summary>
    public long Notifies { get; }

    /// <summary>Doorbells victimized (by connects, by <see cref="SimulatedAdapter.VictimizeDoorbell(HardwareQueue)"/> or by random faults).</summary>
    public long Victimizations { get; }

    /// <summary>Engine F1 transitions.</summary>
    public long EngineF1Transitions { get; }

    /// <summary>Device D3 transitions.</summary>
    public long PowerDowns { get; }

    /// <summary>Connects that woke the device from D3 to D0.</summary>
    public long Wakes { get; }

    /// <summary>Context suspensions.</summary>
    public long Suspensions { get; }

    /// <summary>Context resumptions.</summary>
    public long Resumes { get; }

    /// <summary>Device losses (0 or 1).</summary>
    public long DeviceLosses { get; }

    /// <summary>One line per queue that lost work silently, naming the fences; empty when nothing was lost.</summary>
    public IReadOnlyList<string> Losses => _queues.Where(q => q.SilentlyLost > 0).Select(Describe).ToList();

    /// <summary>
    /// Proves nothing was silently lost: every queued submission was executed, is pending on the GPU, or surfaced to
    /// the caller as an exception; and, with <see cref="SimulatedAdapterOptions.VerifyEveryDelivery"/>, that no
    /// submission was reported delivered before its ring reached the GPU.
    /// </summary>
    /// <exception cref="SimulationAuditException">Some submissions were silently lost (the message lists the queues and fences) or delivered late.</exception>
    public void AssertNothingSilentlyLost()
    {
        if (LateDeliveries > 0)
        {
            throw new SimulationAuditException(LateDeliveries.ToString(CultureInfo.InvariantCulture)
                + " submission(s) were reported delivered although their ring had not reached the GPU.\n" + this);
        }

        if (SubmissionsSilentlyLost == 0)
            return;
        throw new SimulationAuditException(SubmissionsSilentlyLost.ToString(CultureInfo.InvariantCulture)
            + " submission(s) were silently lost: queued and rung, never received by the GPU, and no exception told the caller.\n"
            + string.Join("\n", Losses) + "\n" + this);
    }

    /// <summary>A printable summary of the counts.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"submissions: {SubmissionsQueued} queued, {SubmissionsExecuted} executed, {SubmissionsPending} pending, ");
        text.Append(CultureInfo.InvariantCulture, $"{SubmissionsSurfaced} surfaced as exceptions, {SubmissionsSilentlyLost} silently lost; ");
        text.Append(CultureInfo.InvariantCulture, $"{SubmissionsDelivered} reported delivered, {SubmissionsRejected} rejected before queuing\n");
        text.Append(CultureInfo.InvariantCulture, $"doorbell: {RingAttempts} rings, {Retries} retries, {Reconnects} reconnects, {Connects} connects, {Notifies} notifies, ");
        text.Append(CultureInfo.InvariantCulture, $"{RingsObserved} rings observed by the GPU, {MalformedRings} malformed, {LateDeliveries} late deliveries\n");
        text.Append(CultureInfo.InvariantCulture, $"OS events: {Victimizations} victimizations, {Suspensions} suspensions, {Resumes} resumes, ");
        text.Append(CultureInfo.InvariantCulture, $"{EngineF1Transitions} engine F1, {PowerDowns} D3, {Wakes} wakes, {DeviceLosses} device lost");
        return text.ToString();
    }

    private static string Describe(QueueAudit q) =>
        string.Create(CultureInfo.InvariantCulture,
            $"queue {q.Handle}: fences {q.ReceivedFence + 1}..{q.LastQueuedFence} queued but never received by the GPU, {q.Surfaced} of them surfaced, {q.SilentlyLost} lost silently")
        + (q.MaxDeliveredFence > q.ReceivedFence
            ? string.Create(CultureInfo.InvariantCulture, $"; Submit reported fence {q.MaxDeliveredFence} delivered")
            : string.Empty);
}

/// <summary>The audit found submissions that were silently lost.</summary>
public sealed class SimulationAuditException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationAuditException(string message) : base(message) { }
}

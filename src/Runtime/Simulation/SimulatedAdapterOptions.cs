using System;

namespace DoorbellGuard.Simulation;

/// <summary>How the simulated GPU maps queues' doorbells to physical doorbells.</summary>
public enum DoorbellModel
{
    /// <summary>
    /// Each connected queue holds one of <see cref="SimulatedAdapterOptions.PhysicalDoorbellCount"/> physical doorbells;
    /// connecting a queue when all are taken victimizes the least recently used one (suspended queues first).
    /// </summary>
    Dedicated,

    /// <summary>All queues share one global physical doorbell: connecting never victimizes anyone.</summary>
    Global,
}

/// <summary>Which connected doorbells report CONNECTED_NOTIFY (the kernel-mode driver must be notified after every ring).</summary>
public enum NotifyMode
{
    /// <summary>Every connected doorbell reads CONNECTED.</summary>
    Never,

    /// <summary>Every connected doorbell reads CONNECTED_NOTIFY.</summary>
    Always,

    /// <summary>Each connect draws CONNECTED or CONNECTED_NOTIFY from the seeded random generator.</summary>
    Random,
}

/// <summary>
/// A set of fault kinds (flags): the ones <see cref="SimulatedAdapter.InjectRandomFault"/> and
/// <see cref="SimulatedAdapterOptions.RandomFaultProbability"/> may draw from. What one injection did is a
/// <see cref="SimulatedFaultKind"/>.
/// </summary>
[Flags]
public enum SimulatedFaultSet
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Victimize a connected doorbell (DISCONNECTED_RETRY).</summary>
    Victimize = 1,

    /// <summary>Suspend a queue's context for a few fault events, or resume it.</summary>
    SuspendResume = 2,

    /// <summary>An engine F1 transition: every doorbell on the engine is disconnected.</summary>
    EngineF1 = 4,

    /// <summary>Device D3: every doorbell is disconnected until a connect wakes the device.</summary>
    PowerDown = 8,

    /// <summary>Device lost: every doorbell reads DISCONNECTED_ABORT for good.</summary>
    DeviceLost = 16,

    /// <summary>Every fault a program can recover from (all but <see cref="DeviceLost"/>).</summary>
    Recoverable = Victimize | SuspendResume | EngineF1 | PowerDown,
}

/// <summary>What one fault injection did (a single value; the set to draw from is a <see cref="SimulatedFaultSet"/>).</summary>
public enum SimulatedFaultKind
{
    /// <summary>Nothing (no target for the drawn kind).</summary>
    None,

    /// <summary>A doorbell was victimized.</summary>
    Victimize,

    /// <summary>A queue's context was suspended.</summary>
    Suspend,

    /// <summary>A queue's context was resumed.</summary>
    Resume,

    /// <summary>An engine went to F1.</summary>
    EngineF1,

    /// <summary>The device went to D3.</summary>
    PowerDown,

    /// <summary>The device was lost.</summary>
    DeviceLost,
}

/// <summary>One injected fault.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="HardwareQueueHandle">The queue it hit, or 0 when it hit the whole engine or device.</param>
/// <param name="EngineIndex">The engine for <see cref="SimulatedFaultKind.EngineF1"/>, else -1.</param>
public readonly record struct SimulatedFault(SimulatedFaultKind Kind, uint HardwareQueueHandle, int EngineIndex);

/// <summary>The configuration of a <see cref="SimulatedAdapter"/>.</summary>
public sealed class SimulatedAdapterOptions
{
    /// <summary>Physical doorbells of the dedicated model (at least 1). Default 16.</summary>
    public int PhysicalDoorbellCount { get; init; } = 16;

    /// <summary>Dedicated (default) or global doorbell model.</summary>
    public DoorbellModel DoorbellModel { get; init; } = DoorbellModel.Dedicated;

    /// <summary>Which doorbells read CONNECTED_NOTIFY. Default <see cref="NotifyMode.Never"/>.</summary>
    public NotifyMode NotifyMode { get; init; } = NotifyMode.Never;

    /// <summary>GPU engines (at least 1); a queue's engine comes from <see cref="HardwareQueueOptions.EngineIndex"/>. Default 1.</summary>
    public int EngineCount { get; init; } = 1;

    /// <summary>The seed of every random choice the adapter makes (faults, notify mode). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The probability (0 to 1) that the adapter injects a random fault after each connect, each notify and each
    /// step of the simulated GPU. Default 0: faults happen only when you call the driving methods.
    /// </summary>
    public double RandomFaultProbability { get; init; }

    /// <summary>The kinds random faults draw from. Default <see cref="SimulatedFaultSet.Recoverable"/>.</summary>
    public SimulatedFaultSet RandomFaultKinds { get; init; } = SimulatedFaultSet.Recoverable;

    /// <summary>
    /// Run the simulated GPU on a background thread, as a real GPU runs beside the CPU. Default false: the GPU runs
    /// at every kernel call, while a caller waits for it, and when the audit is taken, which keeps tests deterministic.
    /// </summary>
    public bool BackgroundEngine { get; init; }

    /// <summary>
    /// Check every submission HardwareQueue.Submit reports as delivered: its ring must already have reached the GPU
    /// (not merely be carried by a later ring). Violations count as <see cref="SimulationAudit.LateDeliveries"/>.
    /// Costs an adapter lock per Submit; meant for tests of the protocol itself. Default false.
    /// </summary>
    public bool VerifyEveryDelivery { get; init; }

    /// <summary>
    /// Every connect maps the doorbell at a new address and tells the caller (as D3DKMTConnectDoorbell of the
    /// 10.0.28000 headers does with its DoorbellMapping); the old address leads to the dummy page: writes there are
    /// never seen. <see cref="Doorbell"/> follows the move; code that kept the old address loses its rings. Each move
    /// keeps the old page (4 KiB, two with a secondary address) until the doorbell is destroyed. Default false: a
    /// doorbell keeps the addresses D3DKMTCreateDoorbell gave it.
    /// </summary>
    public bool MoveDoorbellOnConnect { get; init; }

    /// <summary>
    /// The high 32 bits of every status word the simulated OS writes. The connection status is the low 32 bits of the
    /// 64-bit word, and other state may live above it (an older native-fence page names it LoggingLevel); set this to
    /// check that nothing reads the whole word as the status. Default 0.
    /// </summary>
    public uint StatusHighBits { get; init; }

    internal void Validate()
    {
        if (PhysicalDoorbellCount < 1)
            throw new ArgumentOutOfRangeException(nameof(PhysicalDoorbellCount), PhysicalDoorbellCount, "A simulated adapter needs at least 1 physical doorbell.");
        if (EngineCount < 1)
            throw new ArgumentOutOfRangeException(nameof(EngineCount), EngineCount, "A simulated adapter needs at least 1 engine.");
        if (!(RandomFaultProbability >= 0 && RandomFaultProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(RandomFaultProbability), RandomFaultProbability, "RandomFaultProbability is a probability: between 0 and 1.");
        if (DoorbellModel is not (DoorbellModel.Dedicated or DoorbellModel.Global))
            throw new ArgumentOutOfRangeException(nameof(DoorbellModel), DoorbellModel, "Unknown doorbell model.");
        if (NotifyMode is not (NotifyMode.Never or NotifyMode.Always or NotifyMode.Random))
            throw new ArgumentOutOfRangeException(nameof(NotifyMode), NotifyMode, "Unknown notify mode.");
    }
}

using System;

namespace DoorbellGuard;

/// <summary>
/// A hardware queue and its two allocations, as D3DKMT handles and CPU addresses. With the Windows backend these come
/// from your own D3DKMT code (D3DKMTCreateHwQueue with the UserModeSubmission flag, D3DKMTCreateAllocation, residency
/// and a CPU mapping of both allocations): DoorbellGuard does not create them and does not free them.
/// <para>
/// The ring buffer control area has DoorbellGuard's layout: the read pointer (bytes the GPU consumed) at offset 0 and
/// the write pointer (bytes queued) at offset 8, both 64-bit and growing without wrapping; the position in the ring is
/// the pointer modulo <see cref="RingBufferSize"/>. <see cref="HardwareQueue.Submit(ReadOnlySpan{byte})"/> relies on it.
/// </para>
/// </summary>
public sealed class HardwareQueueResources
{
    /// <summary>hHwQueue: the queue (created with UserModeSubmission).</summary>
    public required uint HardwareQueueHandle { get; init; }

    /// <summary>hRingBuffer: the ring buffer allocation (GPU-visible, resident).</summary>
    public required uint RingBufferHandle { get; init; }

    /// <summary>hRingBufferControl: the ring buffer control allocation.</summary>
    public required uint RingBufferControlHandle { get; init; }

    /// <summary>The CPU address of the ring buffer.</summary>
    public required nint RingBufferAddress { get; init; }

    /// <summary>The ring buffer size in bytes: a power of two, at least 4096.</summary>
    public required int RingBufferSize { get; init; }

    /// <summary>The CPU address of the ring buffer control area (read pointer at 0, write pointer at 8).</summary>
    public required nint RingBufferControlAddress { get; init; }

    /// <summary>The CPU address of the progress fence's completed value (64-bit, written by the GPU), or 0 when unknown.</summary>
    public nint ProgressFenceCompletedValueAddress { get; init; }

    /// <summary>The GPU engine the queue runs on (the simulator uses it for engine F1 transitions).</summary>
    public int EngineIndex { get; init; }

    internal void Validate()
    {
        if (HardwareQueueHandle == 0)
            throw new ArgumentException("HardwareQueueHandle is 0: pass the hHwQueue of a queue created with D3DKMTCreateHwQueue and the UserModeSubmission flag.", "resources");
        if (RingBufferHandle == 0)
            throw new ArgumentException("RingBufferHandle is 0: pass the handle of the ring buffer allocation (GPU-visible and resident).", "resources");
        if (RingBufferAddress == 0)
            throw new ArgumentException("RingBufferAddress is 0: map the ring buffer allocation for the CPU and pass its address.", "resources");
        if (RingBufferControlAddress == 0)
            throw new ArgumentException("RingBufferControlAddress is 0: map the ring buffer control allocation for the CPU and pass its address.", "resources");
        if (RingBufferSize < 4096 || (RingBufferSize & (RingBufferSize - 1)) != 0)
            throw new ArgumentException($"RingBufferSize is {RingBufferSize}: it must be a power of two of at least 4096 bytes.", "resources");
    }
}

/// <summary>Something that can create whole hardware queues (queue, ring buffer, control area), such as the simulator.</summary>
public interface IHardwareQueueProvider
{
    /// <summary>The kernel that manages the doorbells of the queues this provider creates.</summary>
    IDoorbellKernel Kernel { get; }

    /// <summary>Creates a hardware queue with its ring buffer and control allocations.</summary>
    HardwareQueueResources CreateHardwareQueue(HardwareQueueOptions options);

    /// <summary>Destroys a queue this provider created and frees its allocations.</summary>
    void DestroyHardwareQueue(HardwareQueueResources resources);
}

/// <summary>Options of a <see cref="HardwareQueue"/>.</summary>
public sealed class HardwareQueueOptions
{
    /// <summary>The ring buffer size in bytes when the provider allocates it: a power of two, at least 4096. Default 64 KiB.</summary>
    public int RingBufferSize { get; init; } = 64 * 1024;

    /// <summary>The GPU engine the queue runs on. Default 0.</summary>
    public int EngineIndex { get; init; }

    /// <summary>The options of the doorbell that <see cref="HardwareQueue.Submit(ReadOnlySpan{byte})"/> creates on first use.</summary>
    public DoorbellOptions? Doorbell { get; init; }

    /// <summary>How long <see cref="HardwareQueue.Submit(ReadOnlySpan{byte})"/> waits for the GPU to free ring buffer space before it throws. Default 10 s.</summary>
    public TimeSpan RingBufferFullTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>Options for <see cref="HardwareQueue.CreateDoorbell(DoorbellOptions?)"/>.</summary>
public sealed class DoorbellOptions
{
    /// <summary>Ask the OS for a secondary doorbell address (RequireSecondaryCpuVA); <see cref="Doorbell.Ring(ulong)"/> then writes both.</summary>
    public bool RequireSecondaryCpuVirtualAddress { get; init; }

    /// <summary>
    /// How many rings <see cref="Doorbell.RingAndConfirm(ulong)"/> makes before it gives up while the status stays
    /// DISCONNECTED_RETRY (each retry connects first). Default 16; at least 1.
    /// </summary>
    public int MaxRingAttempts { get; init; } = 16;
}

/// <summary>What <see cref="HardwareQueue.Enqueue(ReadOnlySpan{byte})"/> put in the ring buffer: its fence value and the write pointer to ring.</summary>
/// <param name="FenceValue">The progress fence value the command buffer signals when the GPU has executed it.</param>
/// <param name="WritePointer">The ring buffer write pointer after it: the value to ring.</param>
public readonly record struct QueuedCommandBuffer(ulong FenceValue, ulong WritePointer);

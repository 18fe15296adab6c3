using System;

namespace DoorbellGuard;

/// <summary>A hardware queue fed through a doorbell. API surface placeholder: implemented under issue #2.</summary>
public sealed class HardwareQueue : IDisposable
{
    /// <summary>Creates a queue on the default backend.</summary>
    public HardwareQueue() { }

    /// <summary>Creates the queue's doorbell (disconnected).</summary>
    public Doorbell CreateDoorbell(DoorbellOptions? options = null) => throw new NotImplementedException();

    /// <summary>Submits a command buffer; returns its progress fence value.</summary>
    public ulong Submit(ReadOnlySpan<byte> commandBuffer) => throw new NotImplementedException();

    /// <summary>Releases the queue.</summary>
    public void Dispose() { }
}

/// <summary>Options for <see cref="HardwareQueue.CreateDoorbell(DoorbellOptions?)"/>.</summary>
public sealed class DoorbellOptions
{
    /// <summary>Ask the OS for a secondary doorbell address (RequireSecondaryCpuVA).</summary>
    public bool RequireSecondaryCpuVirtualAddress { get; init; }
}

using System;

namespace DoorbellGuard.Simulation;

// The queue provider: whole hardware queues (queue, ring buffer, control area, fence pages) in native memory.
public sealed unsafe partial class SimulatedAdapter
{
    IDoorbellKernel IHardwareQueueProvider.Kernel => this;

    /// <inheritdoc />
    public HardwareQueueResources CreateHardwareQueue(HardwareQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RingBufferSize < 4096 || (options.RingBufferSize & (options.RingBufferSize - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.RingBufferSize, "HardwareQueueOptions.RingBufferSize must be a power of two of at least 4096 bytes.");
        if (options.EngineIndex < 0 || options.EngineIndex >= _options.EngineCount)
            throw new ArgumentOutOfRangeException(nameof(options), options.EngineIndex, $"HardwareQueueOptions.EngineIndex must name one of the adapter's {_options.EngineCount} engines (0 to {_options.EngineCount - 1}).");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var queue = new SimQueue
            {
                Handle = NextHandle(),
                RingBufferHandle = NextHandle(),
                ControlHandle = NextHandle(),
                Engine = options.EngineIndex,
                Size = options.RingBufferSize,
                Ring = (byte*)NativePages.Allocate(options.RingBufferSize),
                Control = (ulong*)NativePages.Allocate(NativePages.PageSize),
                CompletedFence = (ulong*)NativePages.Allocate(NativePages.PageSize),
                LastQueuedFence = (ulong*)NativePages.Allocate(NativePages.PageSize),
            };
            queue.Record.VerifyDeliveries = _options.VerifyEveryDelivery;
            _queues.Add(queue.Handle, queue);
            _allQueues.Add(queue);
            return new HardwareQueueResources
            {
                HardwareQueueHandle = queue.Handle,
                RingBufferHandle = queue.RingBufferHandle,
                RingBufferControlHandle = queue.ControlHandle,
                RingBufferAddress = (nint)queue.Ring,
                RingBufferSize = queue.Size,
                RingBufferControlAddress = (nint)queue.Control,
                ProgressFenceCompletedValueAddress = (nint)queue.CompletedFence,
                EngineIndex = queue.Engine,
            };
        }
    }

    /// <inheritdoc />
    public void DestroyHardwareQueue(HardwareQueueResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        lock (_gate)
        {
            if (!_queues.TryGetValue(resources.HardwareQueueHandle, out SimQueue? queue))
                throw new ArgumentException($"Hardware queue {resources.HardwareQueueHandle} does not belong to this adapter or was destroyed already.", nameof(resources));
            if (queue.Doorbell is { } orphan)
            {
                // A doorbell still alive (made with Doorbell.Create): its pages stay mapped until it is destroyed,
                // so its owner gets ABORT and errors instead of touching freed memory.
                DisconnectLocked([orphan], StatusAbort);
                queue.Doorbell = null;
            }

            ExecuteLocked(queue);
            queue.FinalAudit = AuditQueue(queue);
            queue.Destroyed = true;
            _queues.Remove(queue.Handle);
            NativePages.Free(queue.Ring);
            NativePages.Free(queue.Control);
            NativePages.Free(queue.CompletedFence);
            NativePages.Free(queue.LastQueuedFence);
            queue.Ring = null;
            queue.Control = queue.CompletedFence = queue.LastQueuedFence = null;
        }
    }
}

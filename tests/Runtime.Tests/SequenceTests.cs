using System;
using System.Runtime.InteropServices;
using System.Threading;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>Submit follows the documented sequence: fence N+1 first, then the packet and the write pointer, then ring and confirm.</summary>
public unsafe class SequenceTests
{
    [Fact]
    public void Submit_writes_the_fence_then_advances_the_write_pointer_then_rings_it()
    {
        using var kernel = new ScriptedKernel();
        using var memory = new QueueMemory();
        using var queue = new HardwareQueue(kernel, memory.Resources);

        ulong first = queue.Submit([1, 2, 3]);
        ulong second = queue.Submit([4, 5, 6, 7, 8, 9, 10, 11, 12]);

        Assert.Equal(1UL, first);
        Assert.Equal(2UL, second);
        Assert.Equal(2UL, *kernel.FencePage);
        ulong expectedWritePointer = (ulong)(RingPacket.SizeOf(3) + RingPacket.SizeOf(9));
        Assert.Equal(expectedWritePointer, memory.Control[1]);
        Assert.Equal(expectedWritePointer, *kernel.DoorbellPage);
        // The packet: magic, length, fence, payload.
        Assert.Equal(0x31474244u, *(uint*)memory.Ring);
        Assert.Equal(3u, *(uint*)(memory.Ring + 4));
        Assert.Equal(1UL, *(ulong*)(memory.Ring + 8));
        Assert.Equal(new byte[] { 1, 2, 3 }, new ReadOnlySpan<byte>(memory.Ring + 16, 3).ToArray());
    }

    [Fact]
    public void On_retry_Submit_connects_and_writes_the_fence_again_before_ringing_again()
    {
        using var kernel = new ScriptedKernel { ClobberFenceOnConnect = true };
        using var memory = new QueueMemory();
        using var queue = new HardwareQueue(kernel, memory.Resources);
        queue.Submit([1]);
        int connectsBefore = kernel.Connects;

        kernel.SetStatus(2); // victimized
        ulong fence = queue.Submit([2]);

        Assert.Equal(connectsBefore + 1, kernel.Connects);
        Assert.Equal(fence, *kernel.FencePage); // written again after the connect clobbered it
    }

    [Fact]
    public void The_fence_is_written_before_the_write_pointer_advances()
    {
        // Alias the last-queued-value address onto the write pointer: whichever store comes last wins.
        using var memory = new QueueMemory();
        using var kernel = new ScriptedKernel { FenceAddressOverride = (nint)(memory.Control + 1) };
        using var queue = new HardwareQueue(kernel, memory.Resources);

        QueuedCommandBuffer queued = queue.Enqueue([1, 2, 3]);

        Assert.Equal(1UL, queued.FenceValue);
        Assert.Equal((ulong)RingPacket.SizeOf(3), queued.WritePointer);
        Assert.Equal(queued.WritePointer, memory.Control[1]);
    }

    [Fact]
    public void The_fence_is_written_before_the_packet_is_appended()
    {
        // Alias the last-queued-value address onto the header word of the first packet.
        using var memory = new QueueMemory();
        using var kernel = new ScriptedKernel { FenceAddressOverride = (nint)memory.Ring };
        using var queue = new HardwareQueue(kernel, memory.Resources);

        queue.Enqueue([1, 2, 3]);

        Assert.Equal(0x31474244u, *(uint*)memory.Ring);
    }

    [Fact]
    public void Secondary_doorbell_is_rung_too()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter, new HardwareQueueOptions { Doorbell = new DoorbellOptions { RequireSecondaryCpuVirtualAddress = true } });
        queue.Submit([1]);

        Doorbell doorbell = queue.Doorbell!;
        Assert.NotEqual(0, doorbell.Mapping.SecondaryDoorbellAddress);
        Assert.Equal(*(ulong*)doorbell.Mapping.DoorbellAddress, *(ulong*)doorbell.Mapping.SecondaryDoorbellAddress);
        adapter.Audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void Ring_buffer_wraps_around_and_every_packet_executes()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter, new HardwareQueueOptions { RingBufferSize = 4096 });
        var payload = new byte[100]; // 120-byte packets do not divide 4096: packets straddle the end

        ulong last = 0;
        for (int i = 0; i < 1000; i++)
            last = queue.Submit(payload);

        Assert.True(queue.WaitForFence(last, TimeSpan.FromSeconds(5)));
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(1000, audit.SubmissionsExecuted);
        Assert.Equal(0, audit.MalformedRings);
    }

    [Fact]
    public void Default_adapter_ignores_Dispose_and_a_disposed_adapter_refuses_connects()
    {
        SimulatedAdapter.Default.Dispose();
        using (var queue = new HardwareQueue())
            queue.Submit([1]);

        var adapter = new SimulatedAdapter();
        using var orphan = new HardwareQueue(adapter);
        adapter.Dispose();
        var ex = Assert.Throws<DoorbellAbortedException>(() => orphan.Submit([1]));
        Assert.Equal(NtStatus.DeviceRemoved, ex.NtStatus);
    }

    /// <summary>A ring buffer and control area in native memory, as a caller's own D3DKMT code would map them.</summary>
    internal sealed class QueueMemory : IDisposable
    {
        public readonly byte* Ring = (byte*)NativeMemory.AllocZeroed(4096);
        public readonly ulong* Control = (ulong*)NativeMemory.AllocZeroed(64);

        public HardwareQueueResources Resources => new()
        {
            HardwareQueueHandle = 1, RingBufferHandle = 2, RingBufferControlHandle = 3,
            RingBufferAddress = (nint)Ring, RingBufferSize = 4096, RingBufferControlAddress = (nint)Control,
        };

        public void Dispose()
        {
            NativeMemory.Free(Ring);
            NativeMemory.Free(Control);
        }
    }
}

/// <summary>The simulated OS's disconnect order is what makes "status CONNECTED after the ring" mean "the GPU has it".</summary>
public class DisconnectOrderTests
{
    [Fact]
    public void When_the_gpu_takes_the_last_ring_the_status_already_says_retry()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        queue.Submit([1]);
        Doorbell doorbell = queue.Doorbell!;
        DoorbellStatus? seenInWindow = null;
        QueuedCommandBuffer lateRing = queue.Enqueue([2]);
        adapter.DisconnectProbe = _ =>
        {
            // A ring that lands now is taken by the GPU; a caller reading the status now is told to retry anyway.
            doorbell.Ring(lateRing.WritePointer);
            seenInWindow = doorbell.ReadStatus();
        };

        adapter.VictimizeDoorbell(queue);

        Assert.Equal(DoorbellStatus.DisconnectedRetry, seenInWindow);
        adapter.DisconnectProbe = null;
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(2, audit.SubmissionsExecuted); // the ring made before the redirect reached the GPU
        audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void A_ring_after_the_redirect_lands_on_the_dummy_page_and_the_next_connect_discards_it()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        queue.Submit([1]);
        Doorbell doorbell = queue.Doorbell!;
        adapter.VictimizeDoorbell(queue);

        QueuedCommandBuffer queued = queue.Enqueue([2]);
        doorbell.Ring(queued.WritePointer);
        Assert.Equal(DoorbellStatus.DisconnectedRetry, doorbell.ReadStatus());
        doorbell.Connect();
        adapter.RunEngine();
        Assert.Equal(1, adapter.Audit.SubmissionsSilentlyLost);

        doorbell.RingAndConfirm(queued.WritePointer);
        Assert.Equal(0, adapter.Audit.SubmissionsSilentlyLost);
        Assert.Equal(2, adapter.Audit.SubmissionsExecuted);
    }
}

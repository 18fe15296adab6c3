using System;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>The errors not covered elsewhere: each says what went wrong and what to do.</summary>
public class ErrorMessageTests
{
    [Fact]
    public void Full_ring_buffer_times_out_with_the_cause_and_nothing_queued()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter, new HardwareQueueOptions { RingBufferSize = 4096, RingBufferFullTimeout = TimeSpan.FromMilliseconds(50) });
        queue.Submit(new byte[16]);
        adapter.SuspendContext(queue);
        var payload = new byte[1000];

        var ex = Assert.Throws<DoorbellException>(() =>
        {
            for (int i = 0; i < 10; i++)
                queue.Submit(payload);
        });

        Assert.Null(ex.FenceValue);
        Assert.Contains("stayed full for 0.05 s", ex.Message);
        Assert.Contains("queue suspended", ex.Message);
        Assert.Contains("Nothing was queued", ex.Message);
        adapter.ResumeContext(queue);
        adapter.Audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void Aborted_queue_rejects_later_submissions_and_says_why()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        queue.Submit([1]);
        adapter.LoseDevice();
        Assert.Throws<DoorbellAbortedException>(() => queue.Submit([2]));

        var ex = Assert.Throws<DoorbellAbortedException>(() => queue.Submit([3]));

        Assert.Contains("met DISCONNECTED_ABORT earlier", ex.Message);
        Assert.Contains("nothing was queued", ex.Message);
        Assert.Contains("fall back to kernel-mode submission", ex.Message);
        Assert.Equal(1, adapter.Audit.SubmissionsRejected);
    }

    [Fact]
    public void Completed_fence_without_an_address_is_not_supported()
    {
        using var kernel = new ScriptedKernel();
        using var memory = new SequenceTests.QueueMemory();
        using var queue = new HardwareQueue(kernel, memory.Resources); // no ProgressFenceCompletedValueAddress

        var ex = Assert.Throws<NotSupportedException>(() => queue.CompletedFenceValue);
        Assert.Contains("ProgressFenceCompletedValueAddress", ex.Message);
    }

    [Theory]
    [InlineData(0u, 2u, 0x1000, 0x2000, 4096, "HardwareQueueHandle is 0")]
    [InlineData(1u, 0u, 0x1000, 0x2000, 4096, "RingBufferHandle is 0")]
    [InlineData(1u, 2u, 0, 0x2000, 4096, "RingBufferAddress is 0")]
    [InlineData(1u, 2u, 0x1000, 0, 4096, "RingBufferControlAddress is 0")]
    [InlineData(1u, 2u, 0x1000, 0x2000, 1000, "RingBufferSize is 1000: it must be a power of two of at least 4096 bytes")]
    public void Adopted_resources_name_the_bad_field(uint queueHandle, uint ringHandle, long ring, long control, int size, string expected)
    {
        using var kernel = new ScriptedKernel();
        var ex = Assert.Throws<ArgumentException>(() => new HardwareQueue(kernel, new HardwareQueueResources
        {
            HardwareQueueHandle = queueHandle, RingBufferHandle = ringHandle, RingBufferControlHandle = 3,
            RingBufferAddress = (nint)ring, RingBufferSize = size, RingBufferControlAddress = (nint)control,
        }));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Doorbell_Create_on_the_simulator_refuses_a_second_doorbell_and_unknown_handles()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        HardwareQueueResources r = queue.Resources;
        var parameters = new DoorbellCreateParameters(r.HardwareQueueHandle, r.RingBufferHandle, r.RingBufferControlHandle, DoorbellCreateFlags.None);
        using Doorbell mine = Doorbell.Create(adapter, parameters);
        mine.Connect();
        Assert.Equal(DoorbellStatus.Connected, mine.ReadStatus());

        var second = Assert.Throws<DoorbellException>(() => Doorbell.Create(adapter, parameters));
        Assert.Equal(NtStatus.InvalidParameter, second.NtStatus);
        Assert.Contains("has no live doorbell", second.Message);

        var unknown = Assert.Throws<DoorbellException>(() => Doorbell.Create(adapter, parameters with { HardwareQueueHandle = 12345 }));
        Assert.Contains("hardware queue 12345", unknown.Message);
        Assert.Contains("0xC000000D", unknown.Message);
    }

    [Fact]
    public void Simulator_queue_options_are_checked_before_anything_is_allocated()
    {
        using var adapter = new SimulatedAdapter();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HardwareQueue(adapter, new HardwareQueueOptions { RingBufferFullTimeout = TimeSpan.Zero }));
        Assert.Contains("RingBufferFullTimeout must be positive", ex.Message);
        Assert.Equal(0, adapter.Audit.SubmissionsQueued);
    }
}

public class OrphanDoorbellTests
{
    [Fact]
    public void A_doorbell_that_outlives_its_queue_reads_abort_instead_of_touching_freed_memory()
    {
        using var adapter = new SimulatedAdapter();
        var queue = new HardwareQueue(adapter);
        HardwareQueueResources r = queue.Resources;
        using Doorbell orphan = Doorbell.Create(adapter, new DoorbellCreateParameters(r.HardwareQueueHandle, r.RingBufferHandle, r.RingBufferControlHandle, DoorbellCreateFlags.None));
        orphan.Connect();

        queue.Dispose();

        Assert.Equal(DoorbellStatus.DisconnectedAbort, orphan.ReadStatus());
        orphan.Ring(64); // still mapped: harmless
        Assert.Throws<DoorbellAbortedException>(() => orphan.RingAndConfirm(64));
        var ex = Assert.Throws<DoorbellException>(orphan.Connect);
        Assert.Equal(NtStatus.InvalidParameter, ex.NtStatus);
    }
}

using System;
using System.Collections.Generic;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>The bug DoorbellGuard exists for, and the device-lost contract.</summary>
public class LostWorkTests
{
    private static readonly byte[] Commands = [1, 2, 3, 4];

    [Fact]
    public void Bare_ring_without_a_status_check_loses_work_once_the_doorbell_is_victimized()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 1 });
        using var mine = new HardwareQueue(adapter);
        using var other = new HardwareQueue(adapter);
        using Doorbell doorbell = mine.CreateDoorbell();
        doorbell.Connect();

        // Works while connected...
        doorbell.Ring(mine.Enqueue(Commands).WritePointer);
        // ...until another queue takes the only physical doorbell.
        other.Submit(Commands);
        doorbell.Ring(mine.Enqueue(Commands).WritePointer);

        SimulationAudit audit = adapter.Audit;
        Assert.Equal(3, audit.SubmissionsQueued);
        Assert.Equal(2, audit.SubmissionsExecuted);
        Assert.Equal(1, audit.SubmissionsSilentlyLost);
        var ex = Assert.Throws<SimulationAuditException>(audit.AssertNothingSilentlyLost);
        Assert.Contains("1 submission(s) were silently lost", ex.Message);
        Assert.Contains($"queue {mine.Resources.HardwareQueueHandle}: fences 2..2", ex.Message);
    }

    [Fact]
    public void The_same_program_with_RingAndConfirm_loses_nothing()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 1 });
        using var mine = new HardwareQueue(adapter);
        using var other = new HardwareQueue(adapter);
        using Doorbell doorbell = mine.CreateDoorbell();
        doorbell.Connect();

        doorbell.RingAndConfirm(mine.Enqueue(Commands).WritePointer);
        other.Submit(Commands);
        doorbell.RingAndConfirm(mine.Enqueue(Commands).WritePointer);

        SimulationAudit audit = adapter.Audit;
        audit.AssertNothingSilentlyLost();
        Assert.Equal(3, audit.SubmissionsExecuted);
    }

    [Fact]
    public void Connect_without_ringing_again_loses_the_ring()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();
        doorbell.Connect();
        QueuedCommandBuffer queued = queue.Enqueue(Commands);
        adapter.VictimizeDoorbell(queue);

        doorbell.Ring(queued.WritePointer);
        if (doorbell.ReadStatus() == DoorbellStatus.DisconnectedRetry)
            doorbell.Connect(); // forgot to ring again: the first ring went to the dummy page

        Assert.Equal(1, adapter.Audit.SubmissionsSilentlyLost);
    }

    [Fact]
    public void After_device_loss_every_submission_surfaces_as_DoorbellAbortedException_and_none_is_reported_delivered()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 2 });
        var queues = new List<HardwareQueue>();
        for (int i = 0; i < 4; i++)
            queues.Add(new HardwareQueue(adapter));
        long deliveredBefore = 0;
        for (int round = 0; round < 50; round++)
        {
            foreach (HardwareQueue queue in queues)
            {
                queue.Submit(Commands);
                deliveredBefore++;
            }
        }

        adapter.LoseDevice();

        int aborted = 0;
        for (int round = 0; round < 10; round++)
        {
            foreach (HardwareQueue queue in queues)
            {
                var ex = Assert.Throws<DoorbellAbortedException>(() => queue.Submit(Commands));
                Assert.Contains("device", ex.Message);
                aborted++;
            }
        }

        Assert.Equal(40, aborted);
        Assert.All(queues, q => Assert.True(q.IsAborted));
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(deliveredBefore, audit.SubmissionsDelivered);
        Assert.Equal(deliveredBefore, audit.SubmissionsExecuted);
        Assert.Equal(1, audit.DeviceLosses);
        // Each queue queued one submission after the loss (surfaced); the rest were rejected before queuing.
        Assert.Equal(audit.SubmissionsQueued - audit.SubmissionsExecuted, audit.SubmissionsSurfaced);
        Assert.Equal(40 - audit.SubmissionsSurfaced, audit.SubmissionsRejected);
        audit.AssertNothingSilentlyLost();
        foreach (HardwareQueue queue in queues)
            queue.Dispose();
    }

    [Fact]
    public void After_device_loss_connect_fails_with_STATUS_DEVICE_REMOVED_and_RingAndConfirm_aborts()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();
        doorbell.Connect();

        adapter.LoseDevice();

        Assert.Equal(DoorbellStatus.DisconnectedAbort, doorbell.ReadStatus());
        Assert.Throws<DoorbellAbortedException>(() => doorbell.RingAndConfirm(16));
        var ex = Assert.Throws<DoorbellAbortedException>(doorbell.Connect);
        Assert.Equal(NtStatus.DeviceRemoved, ex.NtStatus);
        Assert.Contains("0xC00002B6", ex.Message);
        Assert.Throws<DoorbellAbortedException>(() => new HardwareQueue(adapter).CreateDoorbell());
    }

    [Fact]
    public void Bare_ring_after_device_loss_is_lost_silently()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        queue.Submit(Commands);
        QueuedCommandBuffer queued = queue.Enqueue(Commands);

        adapter.LoseDevice();
        queue.Doorbell!.Ring(queued.WritePointer);

        Assert.Equal(1, adapter.Audit.SubmissionsSilentlyLost);
    }
}

public class UnconfirmedRingTests
{
    [Fact]
    public void Submit_that_runs_out_of_attempts_names_the_fence_and_a_later_ring_delivers_it()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter, new HardwareQueueOptions { Doorbell = new DoorbellOptions { MaxRingAttempts = 1 } });
        queue.Submit([1]);
        adapter.VictimizeDoorbell(queue);

        var ex = Assert.Throws<DoorbellException>(() => queue.Submit([2]));

        Assert.Equal(2UL, ex.FenceValue);
        Assert.Contains("fence 2 was queued, but its ring was not confirmed", ex.Message);
        Assert.Contains("still DISCONNECTED_RETRY after 1 ring attempts", ex.Message);
        Assert.Contains("do not submit it again", ex.Message);
        Assert.IsType<DoorbellException>(ex.InnerException);
        Assert.Equal(1, adapter.Audit.SubmissionsSurfaced);
        adapter.Audit.AssertNothingSilentlyLost();

        queue.Doorbell!.Connect();
        ulong flush = queue.Submit([]);

        Assert.True(queue.WaitForFence(flush, TimeSpan.FromSeconds(5)));
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(3, audit.SubmissionsExecuted);
        Assert.Equal(0, audit.SubmissionsSurfaced);
        audit.AssertNothingSilentlyLost();
    }
}

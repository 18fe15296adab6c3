using System;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>Each cause of disconnection in the doorbell model, driven through the simulator: RingAndConfirm and Submit deliver every submission.</summary>
public class DisconnectCauseTests
{
    private static readonly byte[] Commands = [0xC0, 0xFF, 0xEE];

    private static void AssertEverySubmissionExecuted(SimulatedAdapter adapter, long expected)
    {
        SimulationAudit audit = adapter.Audit;
        audit.AssertNothingSilentlyLost();
        Assert.Equal(expected, audit.SubmissionsQueued);
        Assert.Equal(expected, audit.SubmissionsExecuted);
        Assert.Equal(0, audit.SubmissionsSurfaced);
    }

    [Fact]
    public void Victimization_by_another_queue_connecting_is_recovered_by_Submit()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 1 });
        using var a = new HardwareQueue(adapter);
        using var b = new HardwareQueue(adapter);

        a.Submit(Commands);
        b.Submit(Commands); // takes A's physical doorbell
        Assert.Equal(DoorbellStatus.DisconnectedRetry, a.Doorbell!.ReadStatus());
        a.Submit(Commands); // rings the dummy page, reads RETRY, connects, rings again

        AssertEverySubmissionExecuted(adapter, 3);
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(2, audit.Victimizations);
        Assert.Equal(1, audit.Retries);
        Assert.Equal(1, audit.Reconnects);
    }

    [Fact]
    public void Least_recently_used_doorbell_is_the_victim()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 2 });
        using var a = new HardwareQueue(adapter);
        using var b = new HardwareQueue(adapter);
        using var c = new HardwareQueue(adapter);

        a.Submit(Commands);
        b.Submit(Commands);
        adapter.RunEngine(); // the GPU takes B's ring
        a.Submit(Commands);
        adapter.RunEngine(); // then A's: A is now more recently used than B
        c.Submit(Commands);

        Assert.Equal(DoorbellStatus.Connected, a.Doorbell!.ReadStatus());
        Assert.Equal(DoorbellStatus.DisconnectedRetry, b.Doorbell!.ReadStatus());
        Assert.Equal(DoorbellStatus.Connected, c.Doorbell!.ReadStatus());
        AssertEverySubmissionExecuted(adapter, 4);
    }

    [Fact]
    public void Victimization_is_recovered_by_RingAndConfirm()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();
        doorbell.Connect();

        QueuedCommandBuffer queued = queue.Enqueue(Commands);
        Assert.True(adapter.VictimizeDoorbell(queue));
        Assert.Equal(DoorbellStatus.Connected, doorbell.RingAndConfirm(queued.WritePointer));

        AssertEverySubmissionExecuted(adapter, 1);
        Assert.Equal(1, adapter.Audit.Reconnects);
    }

    [Fact]
    public void Global_doorbell_model_never_victimizes()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { DoorbellModel = DoorbellModel.Global, PhysicalDoorbellCount = 1 });
        var queues = new HardwareQueue[8];
        for (int i = 0; i < queues.Length; i++)
            queues[i] = new HardwareQueue(adapter);
        for (int round = 0; round < 3; round++)
        {
            foreach (HardwareQueue queue in queues)
                queue.Submit(Commands);
        }

        Assert.Equal(8, adapter.ConnectedDoorbellCount);
        Assert.Equal(0, adapter.Audit.Victimizations);
        Assert.Equal(0, adapter.Audit.Retries);
        AssertEverySubmissionExecuted(adapter, 24);
        foreach (HardwareQueue queue in queues)
            queue.Dispose();
    }

    [Fact]
    public void Suspended_context_keeps_its_doorbell_and_runs_the_work_after_resume()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        queue.Submit(Commands);

        adapter.SuspendContext(queue);
        ulong fence = queue.Submit(Commands);
        Assert.Equal(DoorbellStatus.Connected, queue.Doorbell!.ReadStatus());
        Assert.False(queue.WaitForFence(fence, TimeSpan.FromMilliseconds(20)));
        Assert.Equal(1, adapter.Audit.SubmissionsPending);
        adapter.Audit.AssertNothingSilentlyLost();

        adapter.ResumeContext(queue);
        Assert.True(queue.WaitForFence(fence, TimeSpan.FromSeconds(5)));
        AssertEverySubmissionExecuted(adapter, 2);
    }

    [Fact]
    public void Suspended_queue_is_victimized_first_and_its_received_work_survives()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 2 });
        using var a = new HardwareQueue(adapter);
        using var b = new HardwareQueue(adapter);
        using var c = new HardwareQueue(adapter);
        a.Submit(Commands);
        b.Submit(Commands);
        adapter.SuspendContext(b);
        b.Submit(Commands);
        a.Submit(Commands); // A is older than B in LRU terms only if we do not touch it; B is suspended anyway

        c.Submit(Commands);

        Assert.Equal(DoorbellStatus.DisconnectedRetry, b.Doorbell!.ReadStatus());
        Assert.Equal(DoorbellStatus.Connected, a.Doorbell!.ReadStatus());
        adapter.ResumeContext(b);
        b.Submit(Commands);
        AssertEverySubmissionExecuted(adapter, 6);
    }

    [Fact]
    public void Engine_F1_disconnects_every_doorbell_on_that_engine_only()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { EngineCount = 2 });
        using var onZero = new HardwareQueue(adapter, new HardwareQueueOptions { EngineIndex = 0 });
        using var alsoZero = new HardwareQueue(adapter, new HardwareQueueOptions { EngineIndex = 0 });
        using var onOne = new HardwareQueue(adapter, new HardwareQueueOptions { EngineIndex = 1 });
        onZero.Submit(Commands);
        alsoZero.Submit(Commands);
        onOne.Submit(Commands);

        adapter.TransitionEngineToF1(0);

        Assert.Equal(DoorbellStatus.DisconnectedRetry, onZero.Doorbell!.ReadStatus());
        Assert.Equal(DoorbellStatus.DisconnectedRetry, alsoZero.Doorbell!.ReadStatus());
        Assert.Equal(DoorbellStatus.Connected, onOne.Doorbell!.ReadStatus());
        onZero.Submit(Commands);
        alsoZero.Submit(Commands);
        onOne.Submit(Commands);
        AssertEverySubmissionExecuted(adapter, 6);
        Assert.Equal(1, adapter.Audit.EngineF1Transitions);
    }

    [Fact]
    public void Device_D3_disconnects_everything_and_a_connect_wakes_it()
    {
        using var adapter = new SimulatedAdapter();
        using var a = new HardwareQueue(adapter);
        using var b = new HardwareQueue(adapter);
        a.Submit(Commands);
        b.Submit(Commands);

        adapter.PowerDown();

        Assert.True(adapter.IsPoweredDown);
        Assert.Equal(0, adapter.ConnectedDoorbellCount);
        Assert.Equal(DoorbellStatus.DisconnectedRetry, a.Doorbell!.ReadStatus());
        ulong fence = a.Submit(Commands);
        Assert.False(adapter.IsPoweredDown);
        Assert.True(a.WaitForFence(fence, TimeSpan.FromSeconds(5)));
        b.Submit(Commands);
        AssertEverySubmissionExecuted(adapter, 4);
        Assert.Equal(1, adapter.Audit.Wakes);
    }

    [Fact]
    public void Connected_notify_doorbells_are_notified_after_every_ring()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { NotifyMode = NotifyMode.Always });
        using var queue = new HardwareQueue(adapter);
        for (int i = 0; i < 5; i++)
            queue.Submit(Commands);

        Assert.Equal(DoorbellStatus.ConnectedNotify, queue.Doorbell!.ReadStatus());
        AssertEverySubmissionExecuted(adapter, 5);
        Assert.Equal(5, adapter.Audit.Notifies);
    }

    [Fact]
    public void Ring_without_notify_on_a_connected_notify_doorbell_is_lost()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { NotifyMode = NotifyMode.Always });
        using var queue = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();
        doorbell.Connect();

        QueuedCommandBuffer queued = queue.Enqueue(Commands);
        doorbell.Ring(queued.WritePointer);
        Assert.Equal(DoorbellStatus.ConnectedNotify, doorbell.ReadStatus()); // read, but not acted upon

        SimulationAudit audit = adapter.Audit;
        Assert.Equal(1, audit.SubmissionsSilentlyLost);
        Assert.Throws<SimulationAuditException>(audit.AssertNothingSilentlyLost);
    }

    [Fact]
    public void Every_cause_in_a_row_loses_nothing_through_Submit()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 1, NotifyMode = NotifyMode.Random, Seed = 7 });
        using var a = new HardwareQueue(adapter);
        using var b = new HardwareQueue(adapter);
        long submitted = 0;
        void Both()
        {
            a.Submit(Commands);
            b.Submit(Commands);
            submitted += 2;
        }

        Both();
        adapter.VictimizeDoorbell(b);
        Both();
        adapter.SuspendContext(a);
        Both();
        adapter.ResumeContext(a);
        adapter.TransitionEngineToF1(0);
        Both();
        adapter.PowerDown();
        Both();

        AssertEverySubmissionExecuted(adapter, submitted);
    }
}

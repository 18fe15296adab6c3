using System;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

public class SubmissionTests
{
    private static readonly byte[] Commands = [1, 2, 3, 4, 5];

    [Fact]
    public void Default_queue_submits_and_the_gpu_completes_the_fence()
    {
        using var queue = new HardwareQueue();

        ulong first = queue.Submit(Commands);
        ulong second = queue.Submit(Commands);

        Assert.Equal(first + 1, second);
        Assert.True(queue.WaitForFence(second, TimeSpan.FromSeconds(5)));
        Assert.Equal(second, queue.CompletedFenceValue);
    }

    [Fact]
    public void Connected_doorbell_rings_and_confirms()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();

        Assert.Equal(DoorbellStatus.DisconnectedRetry, doorbell.ReadStatus());
        doorbell.Connect();
        Assert.Equal(DoorbellStatus.Connected, doorbell.ReadStatus());

        QueuedCommandBuffer queued = queue.Enqueue(Commands);
        Assert.Equal(DoorbellStatus.Connected, doorbell.RingAndConfirm(queued.WritePointer));

        SimulationAudit audit = adapter.Audit;
        Assert.Equal(1, audit.SubmissionsQueued);
        Assert.Equal(1, audit.SubmissionsExecuted);
        audit.AssertNothingSilentlyLost();
    }
}

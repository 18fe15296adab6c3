using System;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>Every disconnect cause between Enqueue and the ring: RingAndConfirm delivers the submission anyway.</summary>
public class RingAndConfirmCauseTests
{
    public enum Cause
    {
        VictimizedByTheOs,
        VictimizedByAnotherQueue,
        SuspendedThenVictimized,
        EngineF1,
        DeviceD3,
        ConnectedNotify,
    }

    [Theory]
    [InlineData(Cause.VictimizedByTheOs)]
    [InlineData(Cause.VictimizedByAnotherQueue)]
    [InlineData(Cause.SuspendedThenVictimized)]
    [InlineData(Cause.EngineF1)]
    [InlineData(Cause.DeviceD3)]
    [InlineData(Cause.ConnectedNotify)]
    public void RingAndConfirm_delivers_through(Cause cause)
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions
        {
            PhysicalDoorbellCount = 1,
            NotifyMode = cause == Cause.ConnectedNotify ? NotifyMode.Always : NotifyMode.Never,
        });
        using var queue = new HardwareQueue(adapter);
        using var other = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();
        doorbell.Connect();

        QueuedCommandBuffer queued = queue.Enqueue([7, 7, 7]);
        switch (cause)
        {
            case Cause.VictimizedByTheOs:
                adapter.VictimizeDoorbell(queue);
                break;
            case Cause.VictimizedByAnotherQueue:
                other.Submit([1]);
                break;
            case Cause.SuspendedThenVictimized:
                adapter.SuspendContext(queue);
                other.Submit([1]);
                break;
            case Cause.EngineF1:
                adapter.TransitionEngineToF1(0);
                break;
            case Cause.DeviceD3:
                adapter.PowerDown();
                break;
        }

        Assert.Equal(cause == Cause.ConnectedNotify ? DoorbellStatus.ConnectedNotify : DoorbellStatus.DisconnectedRetry, doorbell.ReadStatus());
        DoorbellStatus final = doorbell.RingAndConfirm(queued.WritePointer);
        adapter.ResumeContext(queue);

        Assert.Equal(cause == Cause.ConnectedNotify ? DoorbellStatus.ConnectedNotify : DoorbellStatus.Connected, final);
        Assert.True(queue.WaitForFence(queued.FenceValue, TimeSpan.FromSeconds(5)));
        SimulationAudit audit = adapter.Audit;
        audit.AssertNothingSilentlyLost();
        Assert.Equal(audit.SubmissionsQueued, audit.SubmissionsExecuted);
        Assert.Equal(cause == Cause.ConnectedNotify ? 0 : 1, audit.Reconnects);
    }
}

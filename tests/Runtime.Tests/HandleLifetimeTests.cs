using System;
using System.Runtime.CompilerServices;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>
/// The OS doorbell handle lives in a SafeHandle: Dispose destroys the doorbell once, a doorbell nobody disposes is
/// destroyed by the finalizer, and the order of disposal against its HardwareQueue never destroys twice or leaks.
/// </summary>
public class HandleLifetimeTests
{
    [Fact]
    public void A_doorbell_nobody_disposes_is_destroyed_by_the_finalizer()
    {
        using var adapter = new SimulatedAdapter();
        HardwareQueueResources resources = ((IHardwareQueueProvider)adapter).CreateHardwareQueue(new HardwareQueueOptions());
        var parameters = new DoorbellCreateParameters(resources.HardwareQueueHandle, resources.RingBufferHandle, resources.RingBufferControlHandle, DoorbellCreateFlags.None);
        CreateConnectAndDrop(adapter, parameters);
        Assert.Equal(1, adapter.DoorbellCount);
        Assert.Equal(1, adapter.ConnectedDoorbellCount);

        CollectGarbage();

        Assert.Equal(0, adapter.DoorbellCount);
        Assert.Equal(1, adapter.DestroyedDoorbellCount);
        Assert.Equal(0, adapter.ConnectedDoorbellCount); // its physical doorbell is free again
        using Doorbell again = Doorbell.Create(adapter, parameters); // the queue has no live doorbell any more
        ((IHardwareQueueProvider)adapter).DestroyHardwareQueue(resources);
    }

    [Fact]
    public void A_queue_and_doorbell_nobody_disposes_are_released()
    {
        using var adapter = new SimulatedAdapter();
        SubmitAndDrop(adapter);
        Assert.Equal(1, adapter.DoorbellCount);

        CollectGarbage();

        Assert.Equal(0, adapter.DoorbellCount);
        Assert.Equal(1, adapter.DestroyedDoorbellCount);
        adapter.Audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void Doorbell_disposed_before_its_queue_is_destroyed_once_and_the_queue_forgets_it()
    {
        using var adapter = new SimulatedAdapter();
        var queue = new HardwareQueue(adapter);
        Doorbell doorbell = queue.CreateDoorbell();

        doorbell.Dispose();
        Assert.Equal(1, adapter.DestroyedDoorbellCount);
        Assert.Null(queue.Doorbell);

        queue.Dispose();
        Assert.Equal(1, adapter.DestroyedDoorbellCount); // nothing destroyed twice
        Assert.Equal(0, adapter.DoorbellCount);
    }

    [Fact]
    public void Doorbell_disposed_after_its_queue_was_destroyed_with_the_queue()
    {
        using var adapter = new SimulatedAdapter();
        var queue = new HardwareQueue(adapter);
        Doorbell doorbell = queue.CreateDoorbell();

        queue.Dispose();
        Assert.True(doorbell.IsDisposed);
        Assert.Equal(1, adapter.DestroyedDoorbellCount);

        doorbell.Dispose();
        Assert.Equal(1, adapter.DestroyedDoorbellCount);
        Assert.Throws<ObjectDisposedException>(() => doorbell.RingAndConfirm(1));
    }

    [Fact]
    public void A_queue_whose_doorbell_was_disposed_makes_a_new_one_on_the_next_Submit()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        queue.Submit([1]);
        Doorbell first = queue.Doorbell!;

        first.Dispose();
        queue.Submit([2]);

        Assert.NotSame(first, queue.Doorbell);
        Assert.Equal(1, adapter.DestroyedDoorbellCount);
        Assert.Equal(1, adapter.DoorbellCount);
        Assert.Equal(2, adapter.Audit.SubmissionsExecuted);
    }

    [Fact]
    public void Dispose_destroys_exactly_once_on_any_backend()
    {
        using var kernel = new ScriptedKernel();
        Doorbell doorbell = kernel.CreateDoorbell();

        doorbell.Dispose();
        doorbell.Dispose();

        Assert.Equal(1, kernel.Destroys);
    }

    [Fact]
    public void A_doorbell_refused_at_creation_is_destroyed_all_the_same()
    {
        using var kernel = new ScriptedKernel { StatusAddressOverride = -1 };

        var ex = Assert.Throws<DoorbellException>(() => kernel.CreateDoorbell());

        Assert.Contains("null doorbell or status address", ex.Message);
        Assert.Equal(1, kernel.Destroys); // the OS created it, so DoorbellGuard destroys it
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateConnectAndDrop(SimulatedAdapter adapter, DoorbellCreateParameters parameters) =>
        Doorbell.Create(adapter, parameters).Connect();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SubmitAndDrop(SimulatedAdapter adapter) => new HardwareQueue(adapter).Submit([1]);

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

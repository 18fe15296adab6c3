using System;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

public unsafe class DoorbellTests
{
    [Fact]
    public void Ring_writes_the_value_to_both_addresses_and_nothing_else()
    {
        using var kernel = new ScriptedKernel();
        using Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress));

        doorbell.Ring(0x1234_5678_9ABC_DEF0);

        Assert.Equal(0x1234_5678_9ABC_DEF0UL, *kernel.DoorbellPage);
        Assert.Equal(0x1234_5678_9ABC_DEF0UL, *kernel.SecondaryPage);
        Assert.Equal(0, kernel.Connects);
        Assert.Equal(0, kernel.Notifies);
    }

    [Fact]
    public void ReadStatus_reads_the_low_32_bits_of_the_status_page()
    {
        using var kernel = new ScriptedKernel();
        using Doorbell doorbell = kernel.CreateDoorbell();

        kernel.SetStatus(0xFFFF_FFFF_0000_0001);
        Assert.Equal(DoorbellStatus.ConnectedNotify, doorbell.ReadStatus());
        kernel.SetStatus(3);
        Assert.Equal(DoorbellStatus.DisconnectedAbort, doorbell.ReadStatus());
    }

    [Fact]
    public void Every_member_throws_ObjectDisposedException_after_Dispose_and_Dispose_is_idempotent()
    {
        using var kernel = new ScriptedKernel();
        Doorbell doorbell = kernel.CreateDoorbell();
        doorbell.Dispose();
        doorbell.Dispose();

        Assert.True(doorbell.IsDisposed);
        Assert.Equal(1, kernel.Destroys);
        Assert.Throws<ObjectDisposedException>(() => doorbell.Connect());
        Assert.Throws<ObjectDisposedException>(() => doorbell.Ring(1));
        Assert.Throws<ObjectDisposedException>(() => doorbell.ReadStatus());
        Assert.Throws<ObjectDisposedException>(() => doorbell.NotifyWorkSubmission());
        Assert.Throws<ObjectDisposedException>(() => doorbell.RingAndConfirm(1));
    }

    [Fact]
    public void Queue_members_throw_ObjectDisposedException_after_Dispose_and_Dispose_is_idempotent()
    {
        using var adapter = new SimulatedAdapter();
        var queue = new HardwareQueue(adapter);
        Doorbell doorbell = queue.CreateDoorbell();
        queue.Dispose();
        queue.Dispose();

        Assert.True(doorbell.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => queue.Submit([1]));
        Assert.Throws<ObjectDisposedException>(() => queue.Enqueue([1]));
        Assert.Throws<ObjectDisposedException>(() => queue.CreateDoorbell());
        Assert.Throws<ObjectDisposedException>(() => queue.CompletedFenceValue);
    }

    [Fact]
    public void Connect_failure_names_the_ntstatus_in_hex_and_its_meaning()
    {
        using var kernel = new ScriptedKernel { ConnectResult = NtStatus.InvalidParameter };
        using Doorbell doorbell = kernel.CreateDoorbell();

        var ex = Assert.Throws<DoorbellException>(() => doorbell.Connect());

        Assert.IsNotType<DoorbellAbortedException>(ex);
        Assert.Equal(NtStatus.InvalidParameter, ex.NtStatus);
        Assert.StartsWith("D3DKMTConnectDoorbell failed with NTSTATUS 0xC000000D (STATUS_INVALID_PARAMETER: a handle or argument is invalid", ex.Message);
        Assert.Contains("stays disconnected", ex.Message);
    }

    [Fact]
    public void Connect_on_a_lost_device_throws_DoorbellAbortedException_with_the_status()
    {
        using var kernel = new ScriptedKernel { ConnectResult = NtStatus.DeviceRemoved };
        using Doorbell doorbell = kernel.CreateDoorbell();

        var ex = Assert.Throws<DoorbellAbortedException>(() => doorbell.Connect());

        Assert.Equal(NtStatus.DeviceRemoved, ex.NtStatus);
        Assert.Contains("0xC00002B6 (STATUS_DEVICE_REMOVED", ex.Message);
        Assert.Contains("re-create the queue, doorbell and ring buffer", ex.Message);
    }

    [Fact]
    public void Connect_that_succeeds_into_an_abort_status_throws_DoorbellAbortedException()
    {
        using var kernel = new ScriptedKernel { StatusAfterConnect = 3 };
        using Doorbell doorbell = kernel.CreateDoorbell();

        var ex = Assert.Throws<DoorbellAbortedException>(() => doorbell.Connect());

        Assert.Null(ex.NtStatus);
        Assert.Contains("DISCONNECTED_ABORT", ex.Message);
        Assert.Contains("device is lost", ex.Message);
    }

    [Fact]
    public void Notify_failure_names_the_ntstatus()
    {
        using var kernel = new ScriptedKernel { NotifyResult = NtStatus.NotSupported };
        using Doorbell doorbell = kernel.CreateDoorbell();

        var ex = Assert.Throws<DoorbellException>(() => doorbell.NotifyWorkSubmission());

        Assert.Equal(NtStatus.NotSupported, ex.NtStatus);
        Assert.StartsWith("D3DKMTNotifyWorkSubmission failed with NTSTATUS 0xC00000BB (STATUS_NOT_SUPPORTED", ex.Message);
    }

    [Fact]
    public void Create_failure_names_the_ntstatus_and_the_queue()
    {
        using var kernel = new ScriptedKernel { CreateResult = NtStatus.NotSupported };

        var ex = Assert.Throws<DoorbellException>(() => kernel.CreateDoorbell());

        Assert.StartsWith("D3DKMTCreateDoorbell failed with NTSTATUS 0xC00000BB", ex.Message);
        Assert.Contains("hardware queue 1", ex.Message);
        Assert.Contains("UserModeSubmission", ex.Message);
    }

    [Fact]
    public void RingAndConfirm_gives_up_after_the_configured_attempts_and_says_how_many()
    {
        using var kernel = new ScriptedKernel { StatusAfterConnect = 2 }; // connects, but stays DISCONNECTED_RETRY
        using Doorbell doorbell = kernel.CreateDoorbell(new DoorbellOptions { MaxRingAttempts = 3 });

        var ex = Assert.Throws<DoorbellException>(() => doorbell.RingAndConfirm(64));

        Assert.IsNotType<DoorbellAbortedException>(ex);
        Assert.Contains("still DISCONNECTED_RETRY after 3 ring attempts", ex.Message);
        Assert.Contains("MaxRingAttempts", ex.Message);
        Assert.Equal(2, kernel.Connects);
    }

    [Fact]
    public void RingAndConfirm_notifies_on_ConnectedNotify()
    {
        using var kernel = new ScriptedKernel();
        using Doorbell doorbell = kernel.CreateDoorbell();
        kernel.SetStatus(1);

        Assert.Equal(DoorbellStatus.ConnectedNotify, doorbell.RingAndConfirm(64));
        Assert.Equal(1, kernel.Notifies);
        Assert.Equal(64UL, *kernel.DoorbellPage);
    }

    [Fact]
    public void RingAndConfirm_connects_and_rings_again_on_retry()
    {
        using var kernel = new ScriptedKernel { StatusAfterConnect = 0 };
        using Doorbell doorbell = kernel.CreateDoorbell();
        kernel.SetStatus(2);

        Assert.Equal(DoorbellStatus.Connected, doorbell.RingAndConfirm(64));
        Assert.Equal(1, kernel.Connects);
    }

    [Fact]
    public void RingAndConfirm_throws_DoorbellAbortedException_on_abort_without_connecting()
    {
        using var kernel = new ScriptedKernel();
        using Doorbell doorbell = kernel.CreateDoorbell();
        kernel.SetStatus(3);

        var ex = Assert.Throws<DoorbellAbortedException>(() => doorbell.RingAndConfirm(64));

        Assert.Contains("DISCONNECTED_ABORT after ring attempt 1", ex.Message);
        Assert.Equal(0, kernel.Connects);
    }

    [Fact]
    public void RingAndConfirm_rejects_a_status_that_is_not_a_doorbell_status()
    {
        using var kernel = new ScriptedKernel();
        using Doorbell doorbell = kernel.CreateDoorbell();
        kernel.SetStatus(0xABCD_0000_0000_0007); // the high half is not part of the status, so the message names 7

        var ex = Assert.Throws<DoorbellException>(() => doorbell.RingAndConfirm(64));

        Assert.Contains("holds 7 in its low 32 bits, which is not a D3DDDI_DOORBELLSTATUS value", ex.Message);
    }

    [Fact]
    public void Options_are_validated_with_clear_messages()
    {
        using var kernel = new ScriptedKernel();
        var attempts = Assert.Throws<ArgumentOutOfRangeException>(() => kernel.CreateDoorbell(new DoorbellOptions { MaxRingAttempts = 0 }));
        Assert.Contains("MaxRingAttempts must be at least 1", attempts.Message);

        using var adapter = new SimulatedAdapter();
        var size = Assert.Throws<ArgumentOutOfRangeException>(() => new HardwareQueue(adapter, new HardwareQueueOptions { RingBufferSize = 5000 }));
        Assert.Contains("power of two of at least 4096", size.Message);
        var engine = Assert.Throws<ArgumentOutOfRangeException>(() => new HardwareQueue(adapter, new HardwareQueueOptions { EngineIndex = 3 }));
        Assert.Contains("EngineIndex must name one of the adapter's 1 engines", engine.Message);
        var physical = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 0 }));
        Assert.Contains("at least 1 physical doorbell", physical.Message);
    }

    [Fact]
    public void Adopted_resources_are_validated_with_clear_messages()
    {
        using var kernel = new ScriptedKernel();
        var ex = Assert.Throws<ArgumentException>(() => new HardwareQueue(kernel, new HardwareQueueResources
        {
            HardwareQueueHandle = 1, RingBufferHandle = 2, RingBufferControlHandle = 3,
            RingBufferAddress = 0x1000, RingBufferSize = 4096, RingBufferControlAddress = 0,
        }));
        Assert.Contains("RingBufferControlAddress is 0", ex.Message);
    }

    [Fact]
    public void A_queue_has_one_live_doorbell()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        using Doorbell first = queue.CreateDoorbell();

        var ex = Assert.Throws<InvalidOperationException>(() => queue.CreateDoorbell());
        Assert.Contains("already has a live doorbell", ex.Message);

        first.Dispose();
        using Doorbell second = queue.CreateDoorbell();
        Assert.Same(second, queue.Doorbell);
    }

    [Fact]
    public void Command_buffer_larger_than_the_ring_is_refused()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter, new HardwareQueueOptions { RingBufferSize = 4096 });

        var ex = Assert.Throws<ArgumentException>(() => queue.Submit(new byte[4096]));
        Assert.Contains("4096 bytes but the ring buffer holds 4096 bytes", ex.Message);
        queue.Submit(new byte[4080]);
    }

    [Fact]
    public void The_connected_path_allocates_nothing()
    {
        using var adapter = new SimulatedAdapter();
        using var queue = new HardwareQueue(adapter);
        ReadOnlySpan<byte> commands = [1, 2, 3];
        queue.Submit(commands);
        Doorbell doorbell = queue.Doorbell!;
        ulong writePointer = queue.Enqueue(commands).WritePointer;
        doorbell.RingAndConfirm(writePointer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            doorbell.RingAndConfirm(writePointer);
        for (int i = 0; i < 1000; i++)
            queue.Submit(commands);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}

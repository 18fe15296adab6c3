using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>
/// A connect that moves the doorbell (the 10.0.28000 layout's DoorbellMapping; the simulator's
/// MoveDoorbellOnConnect): Doorbell, RingAndConfirm and HardwareQueue.Submit ring the new address, nothing is lost,
/// and code that kept the old address loses its work, as the audit shows.
/// </summary>
public unsafe class DoorbellMoveTests
{
    [Fact]
    public void RingAndConfirm_follows_every_move()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { MoveDoorbellOnConnect = true, VerifyEveryDelivery = true });
        using var queue = new HardwareQueue(adapter);
        QueuedCommandBuffer first = queue.Enqueue([1]); // creates and connects the doorbell
        Doorbell doorbell = queue.Doorbell!;
        nint before = doorbell.Mapping.DoorbellAddress;
        Assert.Equal(DoorbellStatus.Connected, doorbell.RingAndConfirm(first.WritePointer));

        adapter.VictimizeDoorbell(queue);
        QueuedCommandBuffer second = queue.Enqueue([2]);
        DoorbellStatus status = doorbell.RingAndConfirm(second.WritePointer); // RETRY, connect (moves), ring the new address

        nint after = doorbell.Mapping.DoorbellAddress;
        Assert.Equal(DoorbellStatus.Connected, status);
        Assert.NotEqual(before, after);
        Assert.Equal(second.WritePointer, Volatile.Read(ref *(ulong*)after));
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(2, audit.SubmissionsExecuted);
        Assert.Equal(1, audit.Retries);
        audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void Ring_and_ReadStatus_by_hand_follow_the_move_after_Connect()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { MoveDoorbellOnConnect = true });
        using var queue = new HardwareQueue(adapter);
        queue.Submit([1]);
        Doorbell doorbell = queue.Doorbell!;
        adapter.VictimizeDoorbell(queue);

        QueuedCommandBuffer queued = queue.Enqueue([2]);
        doorbell.Ring(queued.WritePointer);
        Assert.Equal(DoorbellStatus.DisconnectedRetry, doorbell.ReadStatus());
        nint stale = doorbell.Mapping.DoorbellAddress;
        doorbell.Connect();
        doorbell.Ring(queued.WritePointer);
        Assert.Equal(DoorbellStatus.Connected, doorbell.ReadStatus());

        Assert.NotEqual(stale, doorbell.Mapping.DoorbellAddress);
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(2, audit.SubmissionsExecuted);
        audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void Submit_follows_the_moves_of_two_queues_taking_one_physical_doorbell_in_turn()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions
        {
            PhysicalDoorbellCount = 1, MoveDoorbellOnConnect = true, VerifyEveryDelivery = true,
        });
        using var first = new HardwareQueue(adapter);
        using var second = new HardwareQueue(adapter);
        var addresses = new HashSet<nint>();

        for (int i = 0; i < 100; i++)
        {
            HardwareQueue queue = i % 2 == 0 ? first : second;
            queue.Submit([(byte)i]);
            addresses.Add(queue.Doorbell!.Mapping.DoorbellAddress);
        }

        SimulationAudit audit = adapter.Audit;
        Assert.True(audit.Retries >= 98, audit.ToString()); // every submission but the first two found its doorbell taken
        Assert.True(addresses.Count >= 98, $"{addresses.Count} distinct doorbell addresses: the doorbells moved at each connect");
        Assert.Equal(100, audit.SubmissionsDelivered);
        Assert.Equal(100, audit.SubmissionsExecuted);
        Assert.Equal(0, audit.LateDeliveries);
        audit.AssertNothingSilentlyLost();
    }

    [Fact]
    public void Code_that_keeps_the_old_address_loses_work_when_connects_move_the_doorbell()
    {
        SimulationAudit moved = RunSubmitterThatKeepsTheAddress(moveDoorbellOnConnect: true);
        SimulationAudit stayed = RunSubmitterThatKeepsTheAddress(moveDoorbellOnConnect: false);

        Assert.True(moved.SubmissionsSilentlyLost > 0, moved.ToString());
        Assert.Equal(0, moved.SubmissionsSurfaced); // the status said CONNECTED every time: nobody was told
        var ex = Assert.Throws<SimulationAuditException>(moved.AssertNothingSilentlyLost);
        Assert.Contains("silently lost", ex.Message);

        // The same code is correct while the doorbell stays put: the move is what breaks it.
        Assert.Equal(0, stayed.SubmissionsSilentlyLost);
        Assert.Equal(stayed.SubmissionsQueued, stayed.SubmissionsExecuted);
    }

    [Fact]
    public void The_secondary_address_moves_with_the_doorbell()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { MoveDoorbellOnConnect = true });
        using var queue = new HardwareQueue(adapter, new HardwareQueueOptions { Doorbell = new DoorbellOptions { RequireSecondaryCpuVirtualAddress = true } });
        queue.Submit([1]);
        Doorbell doorbell = queue.Doorbell!;
        DoorbellMapping before = doorbell.Mapping;

        adapter.VictimizeDoorbell(queue);
        QueuedCommandBuffer queued = queue.Enqueue([2]);
        doorbell.RingAndConfirm(queued.WritePointer);

        DoorbellMapping after = doorbell.Mapping;
        Assert.NotEqual(before.SecondaryDoorbellAddress, after.SecondaryDoorbellAddress);
        Assert.NotEqual(0, after.SecondaryDoorbellAddress);
        Assert.Equal(queued.WritePointer, Volatile.Read(ref *(ulong*)after.SecondaryDoorbellAddress));
        Assert.Equal(before.StatusAddress, after.StatusAddress); // the status page never moves
    }

    [Fact]
    public void A_mapping_of_zero_surfaces_the_submission_and_the_next_Submit_delivers_it_at_the_new_address()
    {
        using var memory = new SequenceTests.QueueMemory();
        using var kernel = new ScriptedKernel();
        ulong* firstAddress = (ulong*)NativeMemory.AllocZeroed(64);
        ulong* secondAddress = (ulong*)NativeMemory.AllocZeroed(64);
        try
        {
            kernel.MappingAfterConnect = new DoorbellConnectMapping((nint)firstAddress, 0);
            using var queue = new HardwareQueue(kernel, memory.Resources);
            queue.Submit([1]);
            Assert.Equal(memory.Control[1], *firstAddress);

            kernel.MappingAfterConnect = new DoorbellConnectMapping(0, 0);
            kernel.SetStatus(2); // victimized: the retry's connect returns no mapping
            var ex = Assert.Throws<DoorbellException>(() => queue.Submit([2]));
            Assert.Equal(2UL, ex.FenceValue);
            Assert.Contains("was queued, but its ring was not confirmed", ex.Message);
            Assert.Contains("returned a doorbell mapping of 0", ex.Message);

            kernel.MappingAfterConnect = new DoorbellConnectMapping((nint)secondAddress, 0);
            ulong fence = queue.Submit([3]); // connects first, then rings the write pointer that carries fences 2 and 3

            Assert.Equal(3UL, fence);
            Assert.Equal(memory.Control[1], *secondAddress);
            Assert.Equal((ulong)(RingPacket.SizeOf(1) * 3), *secondAddress);
        }
        finally
        {
            NativeMemory.Free(firstAddress);
            NativeMemory.Free(secondAddress);
        }
    }

    [Fact]
    public void A_connect_that_drops_the_secondary_address_is_an_error()
    {
        using var kernel = new ScriptedKernel { MappingAfterConnect = null };
        using Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress));
        kernel.MappingAfterConnect = new DoorbellConnectMapping((nint)kernel.DoorbellPage, 0);

        var ex = Assert.Throws<DoorbellException>(doorbell.Connect);

        Assert.Contains("SecondaryCpuVa 0x0", ex.Message);
        Assert.Contains("which was created with a secondary address", ex.Message);
        Assert.Throws<DoorbellException>(() => doorbell.Ring(1));
    }

    /// <summary>
    /// Runs the protocol by hand, correctly but for one thing: it takes the doorbell address once and writes there
    /// from then on, instead of calling Doorbell.Ring.
    /// </summary>
    private static SimulationAudit RunSubmitterThatKeepsTheAddress(bool moveDoorbellOnConnect)
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { MoveDoorbellOnConnect = moveDoorbellOnConnect });
        using var queue = new HardwareQueue(adapter);
        queue.Submit([0]);
        Doorbell doorbell = queue.Doorbell!;
        ulong* kept = (ulong*)doorbell.Mapping.DoorbellAddress;

        for (int i = 1; i <= 12; i++)
        {
            if (i % 4 == 1)
                adapter.VictimizeDoorbell(queue);
            QueuedCommandBuffer queued = queue.Enqueue([(byte)i]);
            Volatile.Write(ref *kept, queued.WritePointer);
            if (doorbell.ReadStatus() == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                Volatile.Write(ref *kept, queued.WritePointer);
                Assert.Equal(DoorbellStatus.Connected, doorbell.ReadStatus());
            }
        }

        return adapter.Audit;
    }
}

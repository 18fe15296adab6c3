using System.Threading;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Tests;

/// <summary>
/// The connection status is the low 32 bits of the 64-bit status word; the high half (other state) is ignored. The
/// simulator's StatusHighBits fills the high half of every status it writes.
/// </summary>
public unsafe class StatusWordTests
{
    [Theory]
    [InlineData(0xFFFF_FFFFu)]
    [InlineData(0x0000_0001u)] // would read as CONNECTED_NOTIFY's neighbour if the word were taken whole
    [InlineData(0x8000_0003u)]
    public void Every_status_reads_right_whatever_the_high_half_holds(uint highBits)
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { StatusHighBits = highBits, NotifyMode = NotifyMode.Always });
        using var queue = new HardwareQueue(adapter);
        using Doorbell doorbell = queue.CreateDoorbell();
        ulong* word = (ulong*)doorbell.Mapping.StatusAddress;

        Assert.Equal(highBits, (uint)(Volatile.Read(ref *word) >> 32)); // the high half really is set
        Assert.Equal(DoorbellStatus.DisconnectedRetry, doorbell.ReadStatus());
        doorbell.Connect();
        Assert.Equal(DoorbellStatus.ConnectedNotify, doorbell.ReadStatus());
        adapter.VictimizeDoorbell(queue);
        Assert.Equal(DoorbellStatus.DisconnectedRetry, doorbell.ReadStatus());
        adapter.LoseDevice();
        Assert.Equal(DoorbellStatus.DisconnectedAbort, doorbell.ReadStatus());
        Assert.Equal(highBits, (uint)(Volatile.Read(ref *word) >> 32));
    }

    [Fact]
    public void The_connected_path_of_RingAndConfirm_ignores_the_high_half()
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { StatusHighBits = 0xDEAD_BEEF });
        using var queue = new HardwareQueue(adapter);
        QueuedCommandBuffer queued = queue.Enqueue([1]);

        DoorbellStatus status = queue.Doorbell!.RingAndConfirm(queued.WritePointer);

        Assert.Equal(DoorbellStatus.Connected, status);
        SimulationAudit audit = adapter.Audit;
        Assert.Equal(1, audit.RingAttempts); // one ring: CONNECTED was recognised at once, no retry, no notify
        Assert.Equal(0, audit.Notifies);
        Assert.Equal(1, audit.SubmissionsExecuted);
    }

    [Fact]
    public void A_whole_run_with_the_high_half_set_matches_one_without()
    {
        string plain = Run(highBits: 0);
        string noisy = Run(highBits: 0xFFFF_FFFF);

        Assert.Contains("0 silently lost", plain);
        Assert.Equal(plain, noisy);
    }

    private static string Run(uint highBits)
    {
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions
        {
            StatusHighBits = highBits, PhysicalDoorbellCount = 2, NotifyMode = NotifyMode.Random, EngineCount = 2,
            RandomFaultProbability = 0.2, Seed = 12,
        });
        var queues = new[]
        {
            new HardwareQueue(adapter), new HardwareQueue(adapter, new HardwareQueueOptions { EngineIndex = 1 }), new HardwareQueue(adapter),
        };
        for (int i = 0; i < 150; i++)
            queues[i % queues.Length].Submit([(byte)i]);
        string audit = adapter.Audit.ToString();
        foreach (HardwareQueue queue in queues)
            queue.Dispose();
        return audit;
    }
}

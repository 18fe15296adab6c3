using System;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Benchmarks.Runtime;

/// <summary>
/// HardwareQueue.Submit of a 64-byte command buffer on the simulator: with no pressure (every doorbell stays
/// connected), and under victimization pressure (more queues than physical doorbells, submitted round-robin, so
/// the least recently used doorbell is always the one taken away and every submission meets DISCONNECTED_RETRY
/// once: ring, read, connect, write the fence again, ring, read). The difference per retry is the cost of a retry.
/// </summary>
[MemoryDiagnoser]
public class SubmitBenchmarks
{
    private readonly byte[] _commands = new byte[64];
    private SimulatedAdapter _adapter = null!;
    private HardwareQueue[] _queues = null!;
    private int _next;

    /// <summary>Queues per physical doorbell: 1 = no pressure; 2 = two queues share each physical doorbell.</summary>
    [Params(1, 2)]
    public int QueuesPerDoorbell { get; set; }

    /// <summary>Physical doorbells on the adapter.</summary>
    [Params(1, 4)]
    public int PhysicalDoorbells { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = PhysicalDoorbells, Seed = 6 });
        _queues = new HardwareQueue[PhysicalDoorbells * QueuesPerDoorbell];
        for (int i = 0; i < _queues.Length; i++)
        {
            _queues[i] = new HardwareQueue(_adapter);
        }
        new Random(6).NextBytes(_commands);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var audit = _adapter.Audit;
        Console.WriteLine($"// audit: {audit.SubmissionsDelivered} delivered, {audit.Retries} retries ({(double)audit.Retries / Math.Max(1, audit.SubmissionsDelivered):F3} per submission), {audit.SubmissionsSilentlyLost} silently lost");
        if (audit.SubmissionsSilentlyLost != 0)
        {
            throw new InvalidOperationException($"{audit.SubmissionsSilentlyLost} submissions were silently lost: the figures are void.");
        }
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }
        _adapter.Dispose();
    }

    [Benchmark(Description = "Submit 64 B, queues round-robin")]
    public ulong Submit()
    {
        var queue = _queues[_next];
        _next = _next + 1 == _queues.Length ? 0 : _next + 1;
        return queue.Submit(_commands);
    }
}

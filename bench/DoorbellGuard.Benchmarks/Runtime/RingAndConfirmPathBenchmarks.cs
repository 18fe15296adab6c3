using BenchmarkDotNet.Attributes;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Benchmarks.Runtime;

/// <summary>
/// RingAndConfirm beyond the targets of <see cref="RingAndConfirmBenchmarks"/>: the connected path on a simulated
/// doorbell (the audit's ring counter on), and the runtime's own cost of one retry on the bare backend (status
/// DISCONNECTED_RETRY, connect, which there only writes CONNECTED, ring and read again).
/// </summary>
[MemoryDiagnoser]
public class RingAndConfirmPathBenchmarks
{
    private const int Calls = RingAndConfirmBenchmarks.Calls;

    private SimulatedAdapter _adapter = null!;
    private HardwareQueue _queue = null!;
    private Doorbell _simulated = null!;
    private BareKernel _bareKernel = null!;
    private Doorbell _bare = null!;
    private ulong _value;

    [GlobalSetup]
    public void Setup()
    {
        _adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 16 });
        _queue = new HardwareQueue(_adapter);
        _simulated = _queue.CreateDoorbell();
        _simulated.Connect();
        if (_simulated.RingAndConfirm(1) != DoorbellStatus.Connected)
            throw new System.InvalidOperationException("The simulated benchmark doorbell must read CONNECTED.");
        _bare = BareKernel.CreateConnectedDoorbell(out _bareKernel);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _queue.Dispose();
        _adapter.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm, connected (simulated doorbell, audit counter on)")]
    public DoorbellStatus RingAndConfirmSimulated() => RingAndConfirmBenchmarks.RingAndConfirmCalls(_simulated, ref _value);

    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm with one retry (bare backend)")]
    public DoorbellStatus RingAndConfirmOneRetryBare()
    {
        Doorbell doorbell = _bare;
        BareKernel kernel = _bareKernel;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            kernel.Victimize();
            last = doorbell.RingAndConfirm(++value);
        }

        _value = value;
        return last;
    }
}

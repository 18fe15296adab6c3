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
    private const int Calls = 64;

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
        _bareKernel = new BareKernel();
        _bare = Doorbell.Create(_bareKernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));
        _bare.Connect();
        if (_simulated.RingAndConfirm(1) != DoorbellStatus.Connected || _bare.RingAndConfirm(1) != DoorbellStatus.Connected)
            throw new System.InvalidOperationException("The benchmark doorbells must read CONNECTED.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _queue.Dispose();
        _adapter.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm, connected (simulated doorbell, audit counter on)")]
    public DoorbellStatus RingAndConfirmSimulated()
    {
        Doorbell doorbell = _simulated;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
            last = doorbell.RingAndConfirm(++value);
        _value = value;
        return last;
    }

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

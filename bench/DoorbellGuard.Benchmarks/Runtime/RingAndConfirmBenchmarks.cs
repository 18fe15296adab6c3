using System.Threading;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Benchmarks.Runtime;

/// <summary>
/// RingAndConfirm on a connected doorbell against the two memory accesses it performs on that path (a volatile
/// 64-bit write of the ring value, a volatile read of the status): target at most 1.5x the raw cost, 0 B/op.
/// Each benchmark runs <see cref="Calls"/> calls so the nanosecond-sized work dominates the harness's own overhead.
/// </summary>
[MemoryDiagnoser]
public unsafe class RingAndConfirmBenchmarks
{
    private const int Calls = 64;

    private SimulatedAdapter _adapter = null!;
    private HardwareQueue _queue = null!;
    private Doorbell _simulated = null!;
    private BareKernel _bareKernel = null!;
    private Doorbell _bare = null!;
    private ulong* _doorbellAddress;
    private ulong* _statusAddress;
    private ulong _value;

    [GlobalSetup]
    public void Setup()
    {
        _adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 16 });
        _queue = new HardwareQueue(_adapter);
        _simulated = _queue.CreateDoorbell();
        _simulated.Connect();
        // The raw baseline writes and reads the very addresses the simulated doorbell uses.
        _doorbellAddress = (ulong*)_simulated.Mapping.DoorbellAddress;
        _statusAddress = (ulong*)_simulated.Mapping.StatusAddress;

        _bareKernel = new BareKernel();
        _bare = Doorbell.Create(_bareKernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));
        _bare.Connect();
        if (_simulated.RingAndConfirm(1) != DoorbellStatus.Connected || _bare.RingAndConfirm(1) != DoorbellStatus.Connected)
        {
            throw new System.InvalidOperationException("The benchmark doorbells must be connected (status CONNECTED) for the fast path to be measured.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _queue.Dispose();
        _adapter.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "raw: Volatile.Write(ulong) + Volatile.Read")]
    public DoorbellStatus RawWriteAndRead()
    {
        ulong* doorbell = _doorbellAddress;
        ulong* status = _statusAddress;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            Volatile.Write(ref *doorbell, ++value);
            last = (DoorbellStatus)(uint)Volatile.Read(ref *status);
            if (last != DoorbellStatus.Connected)
            {
                break;
            }
        }
        _value = value;
        return last;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "Ring + ReadStatus (simulated doorbell)")]
    public DoorbellStatus RingThenReadStatus()
    {
        var doorbell = _simulated;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            doorbell.Ring(++value);
            last = doorbell.ReadStatus();
            if (last != DoorbellStatus.Connected)
            {
                break;
            }
        }
        _value = value;
        return last;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm (simulated doorbell, audit counters on)")]
    public DoorbellStatus RingAndConfirmSimulated()
    {
        var doorbell = _simulated;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            last = doorbell.RingAndConfirm(++value);
        }
        _value = value;
        return last;
    }

    /// <summary>
    /// Not product code: what an inlinable fast path (ring, read, return on CONNECTED, everything else out of line)
    /// would cost on the same addresses. It shows the attainable bound next to the real RingAndConfirm.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "sketch: inlined fast path, slow path out of line")]
    public DoorbellStatus InlinedFastPathSketch()
    {
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            last = FastPath(_doorbellAddress, _statusAddress, ++value, _simulated);
        }
        _value = value;
        return last;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static DoorbellStatus FastPath(ulong* doorbell, ulong* status, ulong value, Doorbell slow)
    {
        Volatile.Write(ref *doorbell, value);
        var read = (DoorbellStatus)(uint)Volatile.Read(ref *status);
        return read == DoorbellStatus.Connected ? read : SlowPath(slow, value);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static DoorbellStatus SlowPath(Doorbell doorbell, ulong value) => doorbell.RingAndConfirm(value);

    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm (bare backend, no audit)")]
    public DoorbellStatus RingAndConfirmBare()
    {
        var doorbell = _bare;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            last = doorbell.RingAndConfirm(++value);
        }
        _value = value;
        return last;
    }

    /// <summary>
    /// The runtime's own cost of one retry, with no simulator behind it: the status reads DISCONNECTED_RETRY, so
    /// RingAndConfirm rings, reads, connects (the bare backend's connect only writes CONNECTED), rings and reads again.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm with one retry (bare backend)")]
    public DoorbellStatus RingAndConfirmOneRetryBare()
    {
        var doorbell = _bare;
        var kernel = _bareKernel;
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

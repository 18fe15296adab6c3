using System.Threading;
using BenchmarkDotNet.Attributes;

namespace DoorbellGuard.Benchmarks.Runtime;

/// <summary>
/// The issue #12 targets, in one run on one connected doorbell of the bare backend (the Windows backend's shape:
/// raw pages, no simulator, no audit counters):
/// <list type="bullet">
/// <item>baseline: the raw volatile 64-bit write of the ring value and volatile read of the status word, with the branch;</item>
/// <item>hand-written <c>Ring</c> + <c>ReadStatus</c> + branch on the same doorbell;</item>
/// <item><c>RingAndConfirm</c> on the same doorbell.</item>
/// </list>
/// Targets: RingAndConfirm at most 2x the baseline, at most 1.5x the hand-written pair, 0 B allocated. Each
/// benchmark makes <see cref="Calls"/> calls per invocation so the nanosecond-sized work dominates the harness's
/// own overhead; the figures are per call. The simulator's doorbell and the retry path are in
/// <see cref="RingAndConfirmPathBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public unsafe class RingAndConfirmBenchmarks
{
    internal const int Calls = 64;

    private Doorbell _doorbell = null!;
    private ulong* _doorbellAddress;
    private ulong* _statusAddress;
    private ulong _value;

    [GlobalSetup]
    public void Setup()
    {
        _doorbell = BareKernel.CreateConnectedDoorbell(out _);
        _doorbellAddress = (ulong*)_doorbell.Mapping.DoorbellAddress;
        _statusAddress = (ulong*)_doorbell.Mapping.StatusAddress;
    }

    [GlobalCleanup]
    public void Cleanup() => _doorbell.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "raw: Volatile.Write + Volatile.Read + branch")]
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
                break;
        }

        _value = value;
        return last;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "hand-written: Ring + ReadStatus + branch")]
    public DoorbellStatus RingThenReadStatus()
    {
        Doorbell doorbell = _doorbell;
        ulong value = _value;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
        {
            doorbell.Ring(++value);
            last = doorbell.ReadStatus();
            if (last != DoorbellStatus.Connected)
                break;
        }

        _value = value;
        return last;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "RingAndConfirm")]
    public DoorbellStatus RingAndConfirm() => RingAndConfirmCalls(_doorbell, ref _value);

    /// <summary><see cref="Calls"/> RingAndConfirm calls of increasing values; inlined into each benchmark that uses it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static DoorbellStatus RingAndConfirmCalls(Doorbell doorbell, ref ulong lastValue)
    {
        ulong value = lastValue;
        DoorbellStatus last = default;
        for (int i = 0; i < Calls; i++)
            last = doorbell.RingAndConfirm(++value);
        lastValue = value;
        return last;
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;

namespace DoorbellGuard.Tests;

/// <summary>
/// The shape the benchmark figures rely on: the connected path of RingAndConfirm inlines into the caller and
/// everything else stays out of line, so it never bloats the caller. (Speed itself is measured in
/// bench/DoorbellGuard.Benchmarks, never here.)
/// </summary>
public class FastPathShapeTests
{
    [Theory]
    [InlineData(nameof(Doorbell.RingAndConfirm))]
    [InlineData("RingAndConfirmCore")]
    [InlineData(nameof(Doorbell.Ring))]
    [InlineData(nameof(Doorbell.ReadStatus))]
    public void The_ring_path_is_marked_for_inlining(string method) =>
        Assert.True(Implementation(method).HasFlag(MethodImplAttributes.AggressiveInlining), method);

    [Theory]
    [InlineData("ActOnStatus")]               // notify, retry, abort
    [InlineData("AfterFirstWrite")]           // a secondary address, a status other than CONNECTED, nothing mapped, disposed
    [InlineData("ThrowNoDoorbellAddress")]
    [InlineData("ThrowDisposed")]
    public void The_rest_stays_out_of_line(string method) =>
        Assert.True(Implementation(method).HasFlag(MethodImplAttributes.NoInlining), method);

    [Fact]
    public void The_doorbell_is_sealed_so_its_calls_are_direct() =>
        Assert.True(typeof(Doorbell).IsSealed);

    private static MethodImplAttributes Implementation(string name) =>
        typeof(Doorbell).GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)!.MethodImplementationFlags;
}

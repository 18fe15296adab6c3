using System.Linq;
using DoorbellGuard.Analyzers.Publication;

namespace DoorbellGuard.Analyzers.Tests.Publication;

/// <summary>Which store of a ring wrapper's body is the doorbell store, and which raw stores are: packet writes never are.</summary>
public class DoorbellStoresTests
{
    [Theory]
    [InlineData("_ring[wp] = packet; *_bell = wp;", "*_bell = wp")]
    [InlineData("*(_ring + wp) = packet; _bell[0] = wp;", "_bell[0] = wp")]
    [InlineData("var slot = _ring + wp; *slot = packet; *_bell = wp;", "*_bell = wp")]
    [InlineData("*_ring = packet; var bell = _bell; *bell = wp;", "*bell = wp")]
    [InlineData("*_bell = wp; if (_ring != null) *_ring = wp;", "*_bell = wp|*_ring = wp")]
    [InlineData("if (packet > 0) *_bell = packet; else *_bell = wp;", "*_bell = packet|*_bell = wp")]
    [InlineData("_ring[0] = packet; Unsafe.Write(_bell, wp);", "Unsafe.Write(_bell, wp)")]
    public void The_last_plain_word_store_and_its_companions_ring(string body, string expected) =>
        Assert.Equal(expected, Reported(body, isRingWrapper: true));

    [Theory]
    [InlineData("*_bell = wp; _ring[wp] = packet;")]
    [InlineData("_ring[wp] = packet; *(_ring + 1) = wp;")]
    [InlineData("var slot = _ring + wp; *slot = wp;")]
    [InlineData("*(byte*)_bell = 1;")]
    [InlineData("_ring[wp] = packet; Volatile.Write(ref *_bell, wp);")]
    [InlineData("*_ring = packet; Interlocked.MemoryBarrier(); *_bell = wp;")]
    [InlineData("fixed (ulong* p = &_field) { *p = wp; }")]
    [InlineData("*GetSlot() = wp;")]
    public void Packet_slots_and_published_stores_do_not(string body) =>
        Assert.Equal(string.Empty, Reported(body + " static ulong* GetSlot() => null;", isRingWrapper: true));

    [Fact]
    public void Outside_a_ring_wrapper_only_raw_doorbell_addresses_count() =>
        Assert.Equal(string.Empty, Reported("_ring[wp] = packet; *_bell = wp;", isRingWrapper: false));

    [Theory]
    [InlineData("*(ulong*)create.DoorbellCPUVirtualAddress = wp;", "*(ulong*)create.DoorbellCPUVirtualAddress = wp")]
    [InlineData("var p = (ulong*)create.DoorbellSecondaryCPUVirtualAddress; *p = wp;", "*p = wp")]
    [InlineData("*(ulong*)create.DoorbellStatusCPUVirtualAddress = wp;", "")]
    [InlineData("var p = (ulong*)create.DoorbellCPUVirtualAddress; p++; *p = wp;", "")]
    [InlineData("var p = (ulong*)create.DoorbellCPUVirtualAddress; if (wp > 0) p = _bell; *p = wp;", "")]
    [InlineData("((ulong*)create.DoorbellCPUVirtualAddress)[1] = wp;", "")]
    public void Raw_stores_through_the_doorbell_address_ring(string body, string expected) =>
        Assert.Equal(expected, Reported(body, isRingWrapper: false, "Create create, ulong wp, ulong packet", "unsafe struct Create { public void* DoorbellCPUVirtualAddress, DoorbellSecondaryCPUVirtualAddress, DoorbellStatusCPUVirtualAddress; }"));

    private static string Reported(string body, bool isRingWrapper, string parameters = "ulong wp, ulong packet", string? extra = null)
    {
        var operation = PublicationSource.Body(body, parameters, extra);
        return string.Join("|", DoorbellStores.Unpublished(operation, isRingWrapper, _ => false).Select(s => s.Operation.Syntax.ToString()));
    }
}

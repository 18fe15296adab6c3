using System.Linq;
using DoorbellGuard.Analyzers.Publication;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Tests.Publication;

/// <summary>Which operations store through a pointer, through which pointer, and whether the store is ordinary: a table of the shapes users write.</summary>
public class PointerStoresTests
{
    [Theory]
    [InlineData("*_bell = wp;", "_bell", true, false)]
    [InlineData("*(ulong*)_ptr = wp;", "(ulong*)_ptr", true, false)]
    [InlineData("_bell[0] = wp;", "_bell", true, false)]
    [InlineData("_ring[wp] = packet;", "_ring", true, true)]
    [InlineData("_bellStruct->Plain = (uint)wp;", "_bellStruct", true, true)]
    [InlineData("_bellStruct->Value = (uint)wp;", "_bellStruct", false, true)]
    [InlineData("Unsafe.AsRef<ulong>(_bell) = wp;", "_bell", true, false)]
    [InlineData("Unsafe.Write(_bell, wp);", "_bell", true, false)]
    [InlineData("Unsafe.WriteUnaligned(_bell, wp);", "_bell", true, false)]
    [InlineData("Marshal.WriteInt64(_ptr, (long)wp);", "_ptr", true, false)]
    [InlineData("Marshal.WriteInt64(_ptr, 0, (long)wp);", "_ptr", true, false)]
    [InlineData("Marshal.WriteInt64(_ptr, 8, (long)wp);", "_ptr", true, true)]
    [InlineData("Volatile.Write(ref *_bell, wp);", "_bell", false, false)]
    [InlineData("Volatile.Write(ref _bell[0], wp);", "_bell", false, false)]
    [InlineData("Volatile.Write(ref Unsafe.AsRef<ulong>(_bell), wp);", "_bell", false, false)]
    [InlineData("Interlocked.Exchange(ref *_bell, wp);", "_bell", false, false)]
    public void A_store_through_a_pointer_is_read(string statement, string address, bool ordinary, bool offset)
    {
        var stores = Stores(statement);
        var store = Assert.Single(stores);
        Assert.Equal(address, store.Address.Syntax.ToString());
        Assert.Equal(ordinary, store.IsOrdinary);
        Assert.Equal(offset, store.IsOffset);
    }

    [Theory]
    [InlineData("_field = wp;")]
    [InlineData("Volatile.Write(ref _field, wp);")]
    [InlineData("Interlocked.Exchange(ref _count, 1);")]
    [InlineData("var local = *_bell;")]
    [InlineData("*_bell += wp;")]
    [InlineData("ulong[] array = new ulong[4]; array[0] = wp;")]
    [InlineData("Span<ulong> span = stackalloc ulong[4]; span[0] = wp;")]
    public void Stores_to_managed_memory_and_reads_are_no_pointer_stores(string statement) =>
        Assert.Empty(Stores(statement));

    [Theory]
    [InlineData("*_bell = wp;", true)]
    [InlineData("*(uint*)_bell = (uint)wp;", true)]
    [InlineData("*(nuint*)_bell = (nuint)wp;", true)]
    [InlineData("*(byte*)_bell = 1;", false)]
    [InlineData("*(Guid*)_bell = Guid.Empty;", false)]
    public void A_doorbell_is_written_a_word(string statement, bool word) =>
        Assert.Equal(word, Assert.Single(Stores(statement)).StoresAWord);

    private static PointerStore[] Stores(string statement) =>
        PublicationSource.Body(statement).DescendantsAndSelf()
            .Select(o => PointerStores.TryRead(o, out var store) ? store : (PointerStore?)null)
            .Where(s => s is not null).Select(s => s!.Value).ToArray();
}

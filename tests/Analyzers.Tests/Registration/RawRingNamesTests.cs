using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis.CSharp;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>
/// The ring-name index for raw D3DKMT code: the doorbell address names, and what they are copied into, through which
/// other methods (and other files) ring without naming the address.
/// </summary>
public class RawRingNamesTests
{
    [Fact]
    public void The_address_names_and_the_fields_they_are_copied_into_are_searched()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            unsafe partial class Submitter
            {
                Submitter(D3DKMT_CREATE_DOORBELL create)
                {
                    _bell = (ulong*)create.DoorbellCPUVirtualAddress;
                    this._second = (ulong*)create.DoorbellSecondaryCPUVirtualAddress;
                    _status = (ulong*)create.DoorbellStatusCPUVirtualAddress;
                    *(ulong*)create.DoorbellCPUVirtualAddress = 0;
                }
            }
            """);
        var sources = RingNameIndex.ReadSources(new[] { tree }, CancellationToken.None);

        var names = RingNameIndex.RawRingNames(sources, CancellationToken.None);

        Assert.Equal(new[] { "DoorbellCPUVirtualAddress", "DoorbellSecondaryCPUVirtualAddress", "_bell", "_second" }, names.OrderBy(n => n, System.StringComparer.Ordinal));
    }
}

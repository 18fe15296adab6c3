using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DoorbellGuard.EndToEnd.Tests.Infrastructure;

namespace DoorbellGuard.EndToEnd.Tests;

/// <summary>
/// DoorbellGuard.Analyzers alone, added with `dotnet add package` to a project that calls D3DKMT itself with the
/// header's names and no attribute (Consumers/RawD3dkmt): the build reports each mistake, and `dotnet format` applies
/// the fixes that exist for raw code (DBL005's connect before the first ring, DBL006's Volatile.Write).
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class RawD3dkmtPackageTests(PackedFeed feed)
{
    [Fact]
    public void Build_reports_exactly_the_mistakes_of_raw_D3DKMT_code_and_dotnet_format_connects_before_the_first_ring()
    {
        var consumer = ConsumerProject.Create(feed, "raw-d3dkmt", "RawD3dkmt", packageId: null);
        CommandResult add = consumer.Dotnet("add", consumer.ProjectFile, "package", PackedFeed.AnalyzerPackageId, "--version", feed.Version);
        Assert.True(add.Succeeded, add.ToString());
        CommandResult before = consumer.Build(restored: true);
        Assert.True(before.Succeeded, before.ToString());
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(before.Output);
        Assert.Equal(consumer.ExpectedDiagnostics, reported.Select(d => d.Where));
        Assert.Equal(["DBL001", "DBL002", "DBL003", "DBL004", "DBL005", "DBL006"], reported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

        CommandResult format = consumer.Dotnet("format", "analyzers", consumer.ProjectFile, "--no-restore", "--diagnostics", "DBL005", "--severity", "warn");
        Assert.True(format.Succeeded, format.ToString());
        CommandResult formatStores = consumer.Dotnet("format", "analyzers", consumer.ProjectFile, "--no-restore", "--diagnostics", "DBL006", "--severity", "warn");
        Assert.True(formatStores.Succeeded, formatStores.ToString());
        string fixedSource = File.ReadAllText(Path.Combine(consumer.Directory, "Submissions.cs"));
        Assert.Contains("var connect2 = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };", fixedSource, StringComparison.Ordinal);
        Assert.Contains("D3DKMTConnectDoorbell(&connect2);", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain("*(ulong*)create.DoorbellCPUVirtualAddress = writePointer", fixedSource, StringComparison.Ordinal);

        CommandResult after = consumer.Build(restored: true);
        Assert.True(after.Succeeded, after + "\n--- fixed source ---\n" + fixedSource);
        // The retry fix does not rewrite raw code yet: DBL001-DBL004 stay; DBL005 and DBL006 are fixed.
        Assert.Equal(
            consumer.ExpectedDiagnostics.Where(d => d.Id is not ("DBL005" or "DBL006")).Select(d => d.Id),
            Diagnostics.FromBuildOutput(after.Output).Select(d => d.Id));
    }
}

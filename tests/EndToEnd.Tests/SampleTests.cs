using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DoorbellGuard.EndToEnd.Tests.Infrastructure;

namespace DoorbellGuard.EndToEnd.Tests;

/// <summary>The README's first command, exactly as a newcomer types it in a fresh clone.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class SampleTests(PackedFeed feed)
{
    private static string SampleDirectory => Path.GetDirectoryName(RepositoryPaths.SampleProject)!;

    [Fact]
    public void First_run_shows_the_analyzer_warnings_on_the_mistakes()
    {
        CommandResult run = FirstRun();

        Assert.True(run.Succeeded, run.ToString());
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(run.Output);
        Assert.Equal(Diagnostics.ExpectedInSources(SampleDirectory), reported.Select(d => d.Where));
        Assert.All(reported, d => Assert.Equal("warning", d.Severity));
        Assert.All(reported, d => Assert.Contains(d.File, new[] { "ClassicMistakes.cs", "RawD3dkmtSubmission.cs" }));
        Assert.Equal(["DBL001", "DBL002", "DBL003", "DBL004", "DBL005", "DBL006"], reported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        // The raw D3DKMT file: the documented loop's plain store is DBL006, its two protocol mistakes are reported with no
        // attribute and no runtime type.
        Assert.Equal(["DBL003", "DBL005", "DBL006"], reported.Where(d => d.File == "RawD3dkmtSubmission.cs").Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void First_run_explains_the_path_of_every_warning()
    {
        CommandResult run = FirstRun();

        Assert.True(run.Succeeded, run.ToString());
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(run.Output);
        Assert.NotEmpty(reported);
        // DBL006 is about the store itself, not a path: its message names the address instead.
        Assert.All(reported.Where(d => d.Id != "DBL006"), d => Assert.Matches(@" \((the status gets through the test at line \d+, and )?the path leaves at line \d+\)$|the doorbell is created at line \d+\)$", d.Message));

        // The pointer-writing mistake: the copy is followed to its ring, and the helper's missing reconnect is
        // reported at the ring, on the path that leaves through the method's closing brace.
        string[] source = File.ReadAllLines(Path.Combine(SampleDirectory, "ClassicMistakes.cs"));
        ReportedDiagnostic pointer = Assert.Single(reported, d => source[d.Line - 1].Contains("rung.Ring(", StringComparison.Ordinal));
        Assert.Equal("DBL002", pointer.Id);
        Assert.StartsWith("After ringing 'rung'", pointer.Message, StringComparison.Ordinal);
        int leaves = int.Parse(pointer.LinesNamedInMessage, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("}", source[leaves - 1].Trim());
        Assert.Contains(source.Take(pointer.Line).TakeLast(4), l => l.Contains("ring[", StringComparison.Ordinal) && l.Contains("= packet", StringComparison.Ordinal));
    }

    [Fact]
    public void First_run_submits_through_victimization_and_a_power_transition_and_loses_nothing()
    {
        CommandResult run = FirstRun();

        Assert.True(run.Succeeded, run.ToString());
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains("victimiz", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("D3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("reconnect", StringComparison.OrdinalIgnoreCase));
        string summary = Assert.Single(lines, l => l.StartsWith("submissions:", StringComparison.Ordinal));
        Assert.EndsWith(", 0 pending, 0 lost", summary, StringComparison.Ordinal);
        Assert.Matches(@"^submissions: (\d+) queued, \1 executed,", summary);
    }

    [Fact]
    public void Second_run_shows_the_warnings_again()
    {
        CommandResult first = FirstRun();
        Assert.True(first.Succeeded, first.ToString());

        CommandResult second = feed.Once("sample-second-run", () => RunSample());

        Assert.True(second.Succeeded, second.ToString());
        Assert.NotEmpty(Diagnostics.FromBuildOutput(second.Output));
        Assert.Equal(
            Diagnostics.FromBuildOutput(first.Output).Select(d => d.Where),
            Diagnostics.FromBuildOutput(second.Output).Select(d => d.Where));
    }

    private CommandResult FirstRun() => feed.Once("sample-first-run", () => RunSample());

    /// <summary>`dotnet run --project samples/DoorbellGuard.Sample`, from the repository root.</summary>
    private static CommandResult RunSample() => DotnetCli.Run(
        RepositoryPaths.Root,
        ["run", "--project", Path.Combine("samples", "DoorbellGuard.Sample")]);
}

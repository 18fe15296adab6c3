using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DoorbellGuard.EndToEnd.Tests.Infrastructure;

namespace DoorbellGuard.EndToEnd.Tests;

/// <summary>A fresh project that references the DoorbellGuard package from the local feed, built with the real CLI.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class RuntimePackageTests(PackedFeed feed)
{
    private const string NoSeverityChange = "";

    [Fact]
    public void Build_reports_each_classic_mistake_at_its_line()
    {
        (ConsumerProject consumer, CommandResult build) = Mistakes(NoSeverityChange);

        Assert.True(build.Succeeded, build.ToString());
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(build.Output);
        Assert.Equal(consumer.ExpectedDiagnostics, reported.Select(d => d.Where));
        Assert.All(reported, d => Assert.Equal("warning", d.Severity));
        Assert.Equal(["DBL001", "DBL002", "DBL003", "DBL004", "DBL005"], reported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sarif_log_lists_the_same_diagnostics()
    {
        (ConsumerProject consumer, CommandResult build) = Mistakes(NoSeverityChange);

        Assert.True(File.Exists(consumer.SarifPath), "No SARIF log at " + consumer.SarifPath + ". " + build);
        IReadOnlyList<ReportedDiagnostic> logged = Diagnostics.FromSarif(consumer.SarifPath);
        Assert.Equal(consumer.ExpectedDiagnostics, logged.Select(d => d.Where));
        Assert.All(logged, d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public void Severity_error_in_editorconfig_fails_the_build()
    {
        (ConsumerProject consumer, CommandResult build) = Mistakes("dotnet_diagnostic.DBL001.severity = error");

        Assert.False(build.Succeeded, "DBL001 is an error, so the build must fail. " + build);
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(build.Output);
        Assert.Equal(consumer.ExpectedDiagnostics, reported.Select(d => d.Where));
        Assert.All(reported, d => Assert.Equal(d.Id == "DBL001" ? "error" : "warning", d.Severity));
    }

    [Fact]
    public void Severity_none_in_editorconfig_silences_the_rule()
    {
        (ConsumerProject consumer, CommandResult build) = Mistakes("dotnet_diagnostic.DBL001.severity = none");

        Assert.True(build.Succeeded, build.ToString());
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(build.Output);
        Assert.DoesNotContain(reported, d => d.Id == "DBL001");
        Assert.DoesNotContain("DBL001", build.Output, StringComparison.Ordinal);
        // The other rules still run: only DBL001 was turned off.
        Assert.Equal(consumer.ExpectedDiagnostics.Where(d => d.Id != "DBL001"), reported.Select(d => d.Where));
        Assert.DoesNotContain(Diagnostics.FromSarif(consumer.SarifPath), d => d.Id == "DBL001");
    }

    [Fact]
    public void Correct_use_of_the_runtime_builds_without_any_warning()
    {
        (ConsumerProject consumer, CommandResult build) = feed.Once("runtime-correct", () =>
        {
            var project = ConsumerProject.Create(feed, "runtime-correct", "RuntimeCorrect", PackedFeed.RuntimePackageId);
            return (project, project.Build());
        });

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(consumer.ExpectedDiagnostics);
        Assert.Empty(Diagnostics.FromBuildOutput(build.Output));
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);
        Assert.Empty(Diagnostics.FromSarif(consumer.SarifPath));
        // The analyzer did run on this project: silence is its verdict, not its absence.
        Assert.Contains(consumer.CompilerAnalyzers, a => Path.GetFileName(a) == "DoorbellGuard.Analyzers.dll");
    }

    [Fact]
    public void Analyzer_reaches_the_compiler_and_never_the_compile_references()
    {
        (ConsumerProject consumer, CommandResult build) = Mistakes(NoSeverityChange);
        Assert.True(build.Succeeded, build.ToString());

        string packageFolder = Path.Combine(feed.PackagesDirectory, "doorbellguard", feed.Version);
        Assert.Contains(consumer.CompileReferences, r => r.StartsWith(packageFolder, StringComparison.Ordinal) && Path.GetFileName(r) == "DoorbellGuard.Runtime.dll");
        Assert.DoesNotContain(consumer.CompileReferences, r => Path.GetFileName(r).StartsWith("DoorbellGuard.Analyzers", StringComparison.Ordinal));
        Assert.DoesNotContain(consumer.CompileReferences, r => Path.GetFileName(r).StartsWith("DoorbellGuard.CodeFixes", StringComparison.Ordinal));

        string analyzerFolder = Path.Combine(packageFolder, "analyzers", "dotnet", "cs");
        Assert.Contains(Path.Combine(analyzerFolder, "DoorbellGuard.Analyzers.dll"), consumer.CompilerAnalyzers);
        Assert.Contains(Path.Combine(analyzerFolder, "DoorbellGuard.CodeFixes.dll"), consumer.CompilerAnalyzers);

        // NuGet's own view, in obj/project.assets.json: the package's compile assets are the runtime alone.
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(consumer.AssetsFile));
        JsonElement package = assets.RootElement.GetProperty("targets").GetProperty("net10.0").GetProperty($"DoorbellGuard/{feed.Version}");
        Assert.Equal(["lib/net8.0/DoorbellGuard.Runtime.dll"], package.GetProperty("compile").EnumerateObject().Select(p => p.Name));
        Assert.False(package.TryGetProperty("dependencies", out _), "DoorbellGuard must bring no package dependency.");
    }

    /// <summary>The RuntimeMistakes consumer with one .editorconfig line, built once per distinct line.</summary>
    private (ConsumerProject Consumer, CommandResult Build) Mistakes(string editorConfigLine)
    {
        string name = editorConfigLine.Length == 0 ? "runtime-mistakes"
            : "runtime-mistakes-" + editorConfigLine.Split('=')[^1].Trim();
        return feed.Once(name, () =>
        {
            string? editorConfig = editorConfigLine.Length == 0 ? null : $"root = true\n\n[*.cs]\n{editorConfigLine}\n";
            var project = ConsumerProject.Create(feed, name, "RuntimeMistakes", PackedFeed.RuntimePackageId, editorConfig);
            return (project, project.Build());
        });
    }
}

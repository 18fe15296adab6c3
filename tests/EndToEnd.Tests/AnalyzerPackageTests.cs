using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DoorbellGuard.EndToEnd.Tests.Infrastructure;

namespace DoorbellGuard.EndToEnd.Tests;

/// <summary>
/// DoorbellGuard.Analyzers alone, added with `dotnet add package` to a project that wraps D3DKMT itself
/// and marks its wrappers with attributes of its own named DoorbellRing, DoorbellStatusRead,
/// DoorbellConnect and DoorbellNotify.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class AnalyzerPackageTests(PackedFeed feed)
{
    [Fact]
    public void Adding_the_package_keeps_it_private_to_the_project()
    {
        (ConsumerProject consumer, CommandResult build) = OwnWrappers(severity: null);
        Assert.True(build.Succeeded, build.ToString());

        XElement reference = XDocument.Load(consumer.ProjectFile).Descendants("PackageReference")
            .Single(r => (string?)r.Attribute("Include") == PackedFeed.AnalyzerPackageId);
        Assert.Equal("all", reference.Element("PrivateAssets")?.Value ?? (string?)reference.Attribute("PrivateAssets"));
    }

    [Fact]
    public void Build_reports_the_mistakes_made_through_ones_own_wrappers()
    {
        (ConsumerProject consumer, CommandResult build) = OwnWrappers(severity: null);

        Assert.True(build.Succeeded, build.ToString());
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(build.Output);
        Assert.Equal(consumer.ExpectedDiagnostics, reported.Select(d => d.Where));
        Assert.All(reported, d => Assert.Equal("warning", d.Severity));
        Assert.Equal(["DBL001", "DBL002", "DBL003", "DBL004"], reported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sarif_log_lists_the_same_diagnostics()
    {
        (ConsumerProject consumer, CommandResult build) = OwnWrappers(severity: null);

        Assert.True(File.Exists(consumer.SarifPath), "No SARIF log at " + consumer.SarifPath + ". " + build);
        Assert.Equal(consumer.ExpectedDiagnostics, Diagnostics.FromSarif(consumer.SarifPath).Select(d => d.Where));
    }

    [Fact]
    public void Sarif_related_locations_are_the_lines_the_message_names()
    {
        (ConsumerProject consumer, CommandResult build) = OwnWrappers(severity: null);
        Assert.True(File.Exists(consumer.SarifPath), "No SARIF log at " + consumer.SarifPath + ". " + build);

        IReadOnlyList<ReportedDiagnostic> results = Diagnostics.FromSarif(consumer.SarifPath);
        Assert.NotEmpty(results);
        Assert.All(results, d =>
        {
            Assert.NotEqual("", d.RelatedLines);
            Assert.Equal(d.LinesNamedInMessage, d.RelatedLines);
        });

        // The build output says the same as the log.
        Assert.Equal(
            results.Select(d => (d.Where, d.Message)),
            Diagnostics.FromBuildOutput(build.Output).Select(d => (d.Where, d.Message)));
    }

    [Fact]
    public void Editorconfig_severities_apply()
    {
        (ConsumerProject consumer, CommandResult build) = OwnWrappers(
            "dotnet_diagnostic.DBL001.severity = error\ndotnet_diagnostic.DBL003.severity = none");

        Assert.False(build.Succeeded, "DBL001 is an error, so the build must fail. " + build);
        IReadOnlyList<ReportedDiagnostic> reported = Diagnostics.FromBuildOutput(build.Output);
        Assert.Equal(consumer.ExpectedDiagnostics.Where(d => d.Id != "DBL003"), reported.Select(d => d.Where));
        Assert.All(reported, d => Assert.Equal(d.Id == "DBL001" ? "error" : "warning", d.Severity));
        Assert.Equal(
            consumer.ExpectedDiagnostics.Where(d => d.Id != "DBL003"),
            Diagnostics.FromSarif(consumer.SarifPath).Select(d => d.Where));
    }

    [Fact]
    public void Analyzer_reaches_the_compiler_and_no_compile_reference_comes_from_the_package()
    {
        (ConsumerProject consumer, CommandResult build) = OwnWrappers(severity: null);
        Assert.True(build.Succeeded, build.ToString());

        string packageFolder = Path.Combine(feed.PackagesDirectory, "doorbellguard.analyzers", feed.Version);
        Assert.DoesNotContain(consumer.CompileReferences, r => r.StartsWith(packageFolder, StringComparison.Ordinal));
        Assert.DoesNotContain(consumer.CompileReferences, r => Path.GetFileName(r).StartsWith("DoorbellGuard", StringComparison.Ordinal));
        string analyzerFolder = Path.Combine(packageFolder, "analyzers", "dotnet", "cs");
        Assert.Contains(Path.Combine(analyzerFolder, "DoorbellGuard.Analyzers.dll"), consumer.CompilerAnalyzers);
        Assert.Contains(Path.Combine(analyzerFolder, "DoorbellGuard.CodeFixes.dll"), consumer.CompilerAnalyzers);
    }

    [Fact]
    public void Dotnet_format_fixes_the_mistakes_with_ones_own_wrappers_and_enum_and_the_build_is_then_clean()
    {
        // A consumer of its own: dotnet format rewrites its sources, which the other tests read as they were.
        var consumer = ConsumerProject.Create(feed, "own-wrappers-format", "OwnWrappers", packageId: null);
        CommandResult add = consumer.Dotnet("add", consumer.ProjectFile, "package", PackedFeed.AnalyzerPackageId, "--version", feed.Version);
        Assert.True(add.Succeeded, add.ToString());
        CommandResult before = consumer.Build(restored: true);
        Assert.True(before.Succeeded, before.ToString());
        Assert.NotEmpty(Diagnostics.FromBuildOutput(before.Output));

        CommandResult format = consumer.Dotnet("format", "analyzers", consumer.ProjectFile, "--no-restore",
            "--diagnostics", "DBL001", "DBL002", "DBL003", "DBL004", "--severity", "warn");
        Assert.True(format.Succeeded, format.ToString());

        string fixedSource = File.ReadAllText(Path.Combine(consumer.Directory, "Submissions.cs"));
        Assert.Contains("doorbell.Notify();", fixedSource, StringComparison.Ordinal);
        Assert.Contains("while (status == DoorbellStatus.DisconnectedRetry);", fixedSource, StringComparison.Ordinal);
        CommandResult after = consumer.Build(restored: true);
        Assert.True(after.Succeeded, after + "\n--- fixed source ---\n" + fixedSource);
        Assert.True(Diagnostics.FromBuildOutput(after.Output).Count == 0, "DBL diagnostics remain after dotnet format:\n" + after + "\n--- fixed source ---\n" + fixedSource);
    }

    /// <summary>
    /// The OwnWrappers consumer, the package added by `dotnet add package` (so the development dependency
    /// shapes the reference as it does for a user), then built; once per distinct .editorconfig.
    /// </summary>
    private (ConsumerProject Consumer, CommandResult Build) OwnWrappers(string? severity)
    {
        string name = severity is null ? "own-wrappers" : "own-wrappers-severities";
        return feed.Once(name, () =>
        {
            string? editorConfig = severity is null ? null : $"root = true\n\n[*.cs]\n{severity}\n";
            var project = ConsumerProject.Create(feed, name, "OwnWrappers", packageId: null, editorConfig);
            CommandResult add = project.Dotnet("add", project.ProjectFile, "package", PackedFeed.AnalyzerPackageId, "--version", feed.Version);
            Assert.True(add.Succeeded, add.ToString());
            return (project, project.Build(restored: true)); // dotnet add package restored it
        });
    }
}

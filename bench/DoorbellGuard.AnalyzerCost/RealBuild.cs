using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>The medians of a variant's real builds.</summary>
/// <remarks>
/// Shares are medians of the per-build shares: each build's figures share that build's load. <see cref="AddedToCsc"/>
/// compares each build with the build of the same project without DoorbellGuard's analyzer that follows it.
/// </remarks>
internal sealed record RealBuildRow(
    GeneratedProject Project,
    double BuildMs,
    double CscMs,
    double CscWithoutAnalyzerMs,
    double AddedToCsc,
    double AnalyzersSeconds,
    double DoorbellGuardSeconds,
    double ShareOfAnalyzers,
    double ShareOfCsc,
    double ShareOfBuild,
    BuildOutputReport Sample,
    string LogPath);

/// <summary>
/// The real-build figure: each variant written to disk as a project (<see cref="BuildableProject"/>) and compiled by
/// `dotnet build`, as a user's build compiles it, with csc's own report of analyzer execution times.
/// </summary>
internal static class RealBuild
{
    public static async Task<IReadOnlyList<RealBuildRow>> RunAsync(IReadOnlyList<GeneratedProject> projects, HarnessOptions options, CancellationToken cancellationToken)
    {
        var analyzerAssembly = typeof(DoorbellGuard.Analyzers.Descriptors).Assembly.Location;
        var runtimeAssembly = typeof(DoorbellGuard.Doorbell).Assembly.Location;
        Console.WriteLine();
        Console.WriteLine($"Real build: {options.RealBuildFramework}, analyzer {analyzerAssembly}, projects in {options.RealBuildDirectory}");

        var projectFiles = new List<string>();
        foreach (var project in projects)
        {
            var directory = Path.Combine(options.RealBuildDirectory, project.Flavor.FolderName());
            var projectFile = await BuildableProject.WriteAsync(project, directory, options.RealBuildFramework, analyzerAssembly, runtimeAssembly).ConfigureAwait(false);
            // Restore once, untimed: offline, from the local NuGet cache (see BuildableProject).
            var restore = await DotnetCli.RunAsync(new[] { "restore", projectFile, "-nologo", "-nodeReuse:false" }, Path.Combine(directory, "restore.log"), cancellationToken).ConfigureAwait(false);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"`dotnet restore` of the generated {project.Flavor.DisplayName()} project failed (exit {restore.ExitCode}); see {restore.LogPath}. " +
                    $"Offline restore needs the {options.RealBuildFramework} reference pack in the local NuGet cache: build src/Runtime once, or pass --real-build-framework net10.0.");
            }
            projectFiles.Add(projectFile);
        }

        var rows = new List<RealBuildRow>();
        for (int p = 0; p < projects.Count; p++)
        {
            var builds = new List<(double WallMs, BuildOutputReport Report, string LogPath)>();
            var withoutAnalyzer = new List<double>();
            for (int run = 0; run < options.Runs; run++)
            {
                var build = await BuildAsync(projectFiles[p], $"run{run + 1}", withAnalyzer: true, cancellationToken).ConfigureAwait(false);
                builds.Add(build);
                // The same project once more without the analyzer: what DoorbellGuard adds to the build's wall time is
                // the difference, whatever csc's per-analyzer accounting says.
                var without = await BuildAsync(projectFiles[p], $"run{run + 1}-without-analyzer", withAnalyzer: false, cancellationToken).ConfigureAwait(false);
                withoutAnalyzer.Add(without.Report.CscTaskMs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {projects[p].Flavor.DisplayName(),-22} real build {run + 1}: build {build.WallMs / 1000,6:F1} s, Csc task {build.Report.CscTaskMs / 1000,6:F1} s (without the analyzer {without.Report.CscTaskMs / 1000,6:F1} s), analyzers {build.Report.TotalAnalyzerSeconds,7:F3} s, DoorbellGuard {build.Report.DoorbellGuardSeconds,7:F3} s"));
            }
            rows.Add(new RealBuildRow(
                projects[p],
                Statistics.Median(builds.Select(b => b.WallMs)),
                Statistics.Median(builds.Select(b => b.Report.CscTaskMs)),
                Statistics.Median(withoutAnalyzer),
                Statistics.Median(builds.Select((b, i) => (b.Report.CscTaskMs - withoutAnalyzer[i]) / withoutAnalyzer[i])),
                Statistics.Median(builds.Select(b => b.Report.TotalAnalyzerSeconds)),
                Statistics.Median(builds.Select(b => b.Report.DoorbellGuardSeconds)),
                Statistics.Median(builds.Select(b => b.Report.TotalAnalyzerSeconds == 0 ? 0 : b.Report.DoorbellGuardSeconds / b.Report.TotalAnalyzerSeconds)),
                Statistics.Median(builds.Select(b => b.Report.DoorbellGuardSeconds * 1000 / b.Report.CscTaskMs)),
                Statistics.Median(builds.Select(b => b.Report.DoorbellGuardSeconds * 1000 / b.WallMs)),
                builds[^1].Report,
                builds[^1].LogPath));
        }
        return rows;
    }

    public static void Print(IReadOnlyList<RealBuildRow> rows, IReadOnlyList<Row> inMemory)
    {
        Console.WriteLine();
        Console.WriteLine("Real build (`dotnet build --no-incremental -v:detailed -clp:PerformanceSummary -p:ReportAnalyzer=true -p:UseSharedCompilation=false`; medians):");
        Console.WriteLine("csc runs analyzers concurrently and reports each analyzer's callback time summed over threads: waits and preemption");
        Console.WriteLine("count, so these seconds are not comparable with the single-threaded in-memory figures (see docs/performance.md).");
        Console.WriteLine();
        Console.WriteLine("| project | size | lines | build (s) | Csc task (s) | all analyzers (s) | DoorbellGuard (s) | DoorbellGuard / analyzers | DoorbellGuard / Csc task | DoorbellGuard / build | Csc task without the analyzer (s) | added to the Csc task | in memory: analyzers / compile |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var memory = inMemory.FirstOrDefault(r => r.Project.Flavor == row.Project.Flavor && r.Project.Scale == row.Project.Scale);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Project.Flavor.DisplayName()} | {row.Project.Scale}x | {row.Project.Lines:N0} | {row.BuildMs / 1000:F1} | {row.CscMs / 1000:F1} | {row.AnalyzersSeconds:F3} | {row.DoorbellGuardSeconds:F3} | {row.ShareOfAnalyzers:P1} | {row.ShareOfCsc:P2} | {row.ShareOfBuild:P2} | {row.CscWithoutAnalyzerMs / 1000:F1} | {row.AddedToCsc:P1} | {(memory is null ? "-" : memory.Ratio.ToString("P2", CultureInfo.InvariantCulture))} |"));
        }

        foreach (var row in rows)
        {
            var sample = row.Sample;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Where analyzer time goes, {row.Project.Flavor.DisplayName()} (last build; generators {sample.GeneratorSeconds:F3} s besides; log {row.LogPath}):"));
            foreach (var assembly in sample.Assemblies.OrderByDescending(a => a.Seconds))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {assembly.Seconds,7:F3} s  {ShortName(assembly.Name)}"));
            }
            foreach (var analyzer in sample.Analyzers.OrderByDescending(a => a.Seconds).Take(3))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {analyzer.Seconds,7:F3} s  {analyzer.Name}"));
            }
            var warnings = string.Join(", ", sample.DoorbellGuardWarnings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            var expected = string.Join(", ", row.Project.ExpectedDiagnostics.Select(p => $"{p.Key} {p.Value}"));
            Console.WriteLine($"  DoorbellGuard warnings in the build: [{warnings}]; the shapes call for [{expected}]");
        }
    }

    /// <summary>An assembly's display name without its version, culture and key.</summary>
    private static string ShortName(string assemblyName) => assemblyName.Split(',')[0];

    private static async Task<(double WallMs, BuildOutputReport Report, string LogPath)> BuildAsync(string projectFile, string label, bool withAnalyzer, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(Path.GetDirectoryName(projectFile)!, $"build-{label}.log");
        var arguments = new[]
        {
            "build", projectFile, "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false",
            "-v:detailed", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true",
            // A fresh csc process per build, on every machine alike (no compiler server left running, none reused
            // from an earlier build): the JIT of the compiler and of every analyzer falls inside the times measured.
            "-p:UseSharedCompilation=false",
            $"-p:{BuildableProject.ExcludeAnalyzerProperty}={(withAnalyzer ? "false" : "true")}",
        };
        var stopwatch = Stopwatch.StartNew();
        var result = await DotnetCli.RunAsync(arguments, logPath, cancellationToken).ConfigureAwait(false);
        var wallMs = stopwatch.Elapsed.TotalMilliseconds;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet build` of {projectFile} failed (exit {result.ExitCode}); see {logPath}.");
        }
        return (wallMs, BuildOutputReport.Parse(File.ReadLines(logPath)), logPath);
    }
}

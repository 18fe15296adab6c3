using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>
/// The figure a developer sees in an inner loop: each variant written to disk as a real project and built with the
/// compiler server warm, then, per pair, one file touched and the project built again with DoorbellGuard's analyzer,
/// and once more without it. The second build's Csc task is what is compared. The server is this harness's own (a pipe
/// name of its own), and it is stopped, by its process id, when the mode ends.
/// </summary>
internal static class WarmBuild
{
    public static async Task<int> RunAsync(HarnessOptions options, CancellationToken cancellationToken)
    {
        var pipeName = "doorbellguard-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var analyzerAssembly = typeof(DoorbellGuard.Analyzers.Descriptors).Assembly.Location;
        var runtimeAssembly = typeof(DoorbellGuard.Doorbell).Assembly.Location;
        Console.WriteLine($"Warm build: {options.RealBuildFramework}, compiler server '{pipeName}', analyzer {analyzerAssembly}, {options.Runs} pair(s) per variant");
        var rows = new List<(GeneratedProject Project, List<double> With, List<double> Without, BuildOutputReport Sample)>();
        try
        {
            foreach (var flavor in options.Flavors)
            {
                var project = ProjectGenerator.Generate(flavor, options.Sizes[0], options.Seed, fileCount: options.Files);
                var directory = Path.Combine(options.RealBuildDirectory, "warm-" + flavor.FolderName());
                var projectFile = await BuildableProject.WriteAsync(project, directory, options.RealBuildFramework, analyzerAssembly, runtimeAssembly).ConfigureAwait(false);
                var restore = await DotnetCli.RunAsync(new[] { "restore", projectFile, "-nologo", "-nodeReuse:false" }, Path.Combine(directory, "restore.log"), cancellationToken).ConfigureAwait(false);
                if (restore.ExitCode != 0)
                {
                    throw new InvalidOperationException($"`dotnet restore` of the generated {flavor.DisplayName()} project failed (exit {restore.ExitCode}); see {restore.LogPath}.");
                }

                // Untimed: starts the server and lets it load and JIT the compiler and both analyzer sets. Every build
                // touches the file first: dropping the analyzer alone changes no input's time, and MSBuild would skip Csc.
                var touched = Path.Combine(directory, project.Files[0].Path);
                await BuildAsync(projectFile, touched, "warm-up-with", withAnalyzer: true, pipeName, cancellationToken).ConfigureAwait(false);
                await BuildAsync(projectFile, touched, "warm-up-without", withAnalyzer: false, pipeName, cancellationToken).ConfigureAwait(false);

                var with = new List<double>();
                var without = new List<double>();
                BuildOutputReport? sample = null;
                for (int pair = 0; pair < options.Runs; pair++)
                {
                    var withReport = await BuildAsync(projectFile, touched, $"pair{pair + 1}-with", withAnalyzer: true, pipeName, cancellationToken).ConfigureAwait(false);
                    var withoutReport = await BuildAsync(projectFile, touched, $"pair{pair + 1}-without", withAnalyzer: false, pipeName, cancellationToken).ConfigureAwait(false);
                    with.Add(withReport.CscTaskMs);
                    without.Add(withoutReport.CscTaskMs);
                    sample = withReport;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {flavor.DisplayName(),-22} pair {pair + 1}: Csc task {withReport.CscTaskMs,8:F0} ms with DoorbellGuard, {withoutReport.CscTaskMs,8:F0} ms without ({withReport.CscTaskMs - withoutReport.CscTaskMs,+6:F0} ms); DoorbellGuard by csc's account {withReport.DoorbellGuardSeconds * 1000,7:F0} ms"));
                }

                rows.Add((project, with, without, sample!));
            }
        }
        finally
        {
            StopServer(pipeName);
        }

        Console.WriteLine();
        Console.WriteLine("Warm build (compiler server warm; one file touched, then `dotnet build`; medians of the pairs):");
        Console.WriteLine();
        Console.WriteLine("| project | size | lines | Csc task with DoorbellGuard (ms) | Csc task without (ms) | added (ms) | added | DoorbellGuard by csc's account (ms) | warnings match the shapes |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (project, with, without, sample) in rows)
        {
            var added = with.Select((w, i) => w - without[i]).ToList();
            var expected = project.ExpectedDiagnostics.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);
            var found = sample.DoorbellGuardWarnings.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);
            var match = expected.Count == found.Count && expected.All(p => found.TryGetValue(p.Key, out var n) && n == p.Value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {project.Flavor.DisplayName()} | {project.Scale}x | {project.Lines:N0} | {Statistics.Median(with):F0} | {Statistics.Median(without):F0} | {Statistics.Median(added):+0;-0} | {Statistics.Median(with.Select((w, i) => (w - without[i]) / without[i])):P1} | {sample.DoorbellGuardSeconds * 1000:F0} | {(match ? "yes" : "NO")} |"));
        }

        return 0;
    }

    /// <summary>Touches <paramref name="touched"/>, then builds incrementally through the compiler server.</summary>
    private static async Task<BuildOutputReport> BuildAsync(string projectFile, string touched, string label, bool withAnalyzer, string pipeName, CancellationToken cancellationToken)
    {
        File.SetLastWriteTimeUtc(touched, DateTime.UtcNow);
        var logPath = Path.Combine(Path.GetDirectoryName(projectFile)!, $"build-{label}.log");
        var arguments = new[]
        {
            "build", projectFile, "--no-restore", "-nologo", "-nodeReuse:false",
            "-v:detailed", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true",
            // The compiler server, whatever the environment says, under a pipe name no other build uses.
            "-p:UseSharedCompilation=true", $"-p:SharedCompilationId={pipeName}",
            $"-p:{BuildableProject.ExcludeAnalyzerProperty}={(withAnalyzer ? "false" : "true")}",
        };
        var result = await DotnetCli.RunAsync(arguments, logPath, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet build` of {projectFile} failed (exit {result.ExitCode}); see {logPath}.");
        }
        var report = BuildOutputReport.Parse(File.ReadLines(logPath));
        if (report.CscTaskMs <= 0)
        {
            throw new InvalidOperationException($"The build in {logPath} ran no Csc task: the touched file did not make the compiler run.");
        }
        return report;
    }

    /// <summary>Stops the compiler server this mode started: the process whose command line names its pipe, by id.</summary>
    private static void StopServer(string pipeName)
    {
        if (!Directory.Exists("/proc"))
        {
            Console.WriteLine($"Compiler server '{pipeName}' left running: it exits on its own when idle.");
            return;
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (!commandLine.Contains("VBCSCompiler", StringComparison.Ordinal) || !commandLine.Contains("-pipename:" + pipeName, StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                using var server = System.Diagnostics.Process.GetProcessById(id);
                server.Kill();
                Console.WriteLine($"Stopped compiler server '{pipeName}' (process {id}).");
            }
            catch (ArgumentException)
            {
                // It exited meanwhile.
            }
            catch (InvalidOperationException)
            {
                // Same.
            }
        }
    }
}

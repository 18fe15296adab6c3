using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.AnalyzerCost;

// The analyzer cost harness. Usage (from the repository root):
//   dotnet run -c Release --project bench/DoorbellGuard.AnalyzerCost -- [options]
// See HarnessOptions.Usage for the options.
return await Harness.RunAsync(args).ConfigureAwait(false);

internal static class Harness
{
    public static async Task<int> RunAsync(string[] args)
    {
        HarnessOptions options;
        try
        {
            options = HarnessOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (options.WriteDirectory is not null)
        {
            return await WriteAsync(options).ConfigureAwait(false);
        }

        if (options.WarmBuild)
        {
            using var warmCancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; warmCancellation.Cancel(); };
            return await WarmBuild.RunAsync(options, warmCancellation.Token).ConfigureAwait(false);
        }

        var analyzers = CostMeasurement.DiscoverAnalyzers();
        PrintMachine(options, analyzers.Select(a => a.GetType().Name).ToList());
        if (analyzers.IsEmpty)
        {
            Console.WriteLine("WARNING: no DiagnosticAnalyzer found in DoorbellGuard.Analyzers: only the compiler is timed.");
        }

        var measurement = new CostMeasurement(analyzers, options.Concurrent);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

        // Warm-up: JIT and tier up the compiler and the analyzers before anything is timed.
        for (int warmUpRun = 0; warmUpRun < 2; warmUpRun++)
        {
            var warmUp = ProjectGenerator.Generate(ProjectFlavor.DoorbellHeavy, 1, options.Seed);
            var trees = CostMeasurement.Parse(warmUp);
            var references = CostMeasurement.References(warmUp.Flavor);
            var result = await measurement.RunAsync(trees, references, cancellation.Token).ConfigureAwait(false);
            if (result.CompilerErrors > 0)
            {
                Console.Error.WriteLine($"The generated project does not compile ({result.CompilerErrors} errors); this is a bug in the generator:");
                foreach (var error in measurement.FirstErrors(trees, references, 10))
                {
                    Console.Error.WriteLine("  " + error);
                }
                return 3;
            }
            if (options.Reference)
            {
                await measurement.RunReferenceAsync(trees, references, cancellation.Token).ConfigureAwait(false);
            }
            Console.WriteLine($"warm-up {warmUpRun + 1} done (compile {result.CompileTime.TotalMilliseconds:F0} ms)");
        }

        if (options.PerShape)
        {
            return await PerShapeAsync(measurement, options, cancellation.Token).ConfigureAwait(false);
        }

        var rows = new List<Row>();
        foreach (var flavor in options.Flavors)
        {
            foreach (var size in options.Sizes)
            {
                var project = ProjectGenerator.Generate(flavor, size, options.Seed);
                var row = await MeasureAsync(measurement, project, options, cancellation.Token).ConfigureAwait(false);
                if (row is null)
                {
                    return 3;
                }
                rows.Add(row);
            }
        }

        var failures = CostReport.Print(rows, options, analyzers.IsEmpty);
        if (options.RealBuild)
        {
            var smallest = rows.Where(r => r.Project.Scale == options.Sizes[0]).Select(r => r.Project).ToList();
            RealBuild.Print(await RealBuild.RunAsync(smallest, options, cancellation.Token).ConfigureAwait(false), rows);
        }
        return CostReport.PrintVerdict(failures, options.Enforce);
    }

    /// <summary>The runs of one variant at one size, interleaved with the baseline's; null when the project does not compile.</summary>
    private static async Task<Row?> MeasureAsync(CostMeasurement measurement, GeneratedProject project, HarnessOptions options, CancellationToken cancellationToken)
    {
        var trees = CostMeasurement.Parse(project);
        var references = CostMeasurement.References(project.Flavor);
        var results = new List<RunResult>();
        var referenceTimes = new List<double>();
        var name = project.Flavor.DisplayName();
        for (int run = 0; run < options.Runs; run++)
        {
            var result = await measurement.RunAsync(trees, references, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (options.Reference)
            {
                referenceTimes.Add((await measurement.RunReferenceAsync(trees, references, cancellationToken).ConfigureAwait(false)).TotalMilliseconds);
                Console.WriteLine($"  {name,-22} {project.Scale}x run {run + 1}: baseline {referenceTimes[^1],8:F1} ms for {measurement.LastReferenceWork.Graphs:N0} graphs, {measurement.LastReferenceWork.Blocks:N0} blocks");
            }
            Console.WriteLine($"  {name,-22} {project.Scale}x run {run + 1}: compile {result.CompileTime.TotalMilliseconds,8:F0} ms, analyzers {result.AnalyzerExecutionTime.TotalMilliseconds,8:F1} ms, driver run (bind + analyzers) {result.CompileWithAnalyzersWallTime.TotalMilliseconds,8:F0} ms");
            Console.WriteLine($"  {name,-22} {project.Scale}x run {run + 1}: during compile {result.CompileGc}; during driver run {result.DriverGc}");
        }
        if (results[0].CompilerErrors > 0)
        {
            Console.Error.WriteLine($"The generated {name} project at {project.Scale}x has {results[0].CompilerErrors} compiler errors; this is a bug in the generator:");
            foreach (var error in measurement.FirstErrors(trees, references, 10))
            {
                Console.Error.WriteLine("  " + error);
            }
            return null;
        }
        return new Row(
            project,
            Statistics.Median(results.Select(r => r.CompileTime.TotalMilliseconds)),
            Statistics.Median(results.Select(r => r.AnalyzerExecutionTime.TotalMilliseconds)),
            Statistics.Median(results.Select(r => r.CompileWithAnalyzersWallTime.TotalMilliseconds)),
            Statistics.Median(results.Select(r => r.AnalyzerExecutionTime / r.CompileTime)),
            Statistics.Median(results.Select(r => (r.CompileWithAnalyzersWallTime - r.CompileTime) / r.CompileTime)),
            referenceTimes.Count == 0 ? null : Statistics.Median(referenceTimes),
            referenceTimes.Count == 0 ? null : Statistics.Median(referenceTimes.Select((t, i) => t / results[i].CompileTime.TotalMilliseconds)),
            results[^1]);
    }

    /// <summary>--write: each variant of the smallest size as a buildable project, DIR/&lt;variant&gt;.</summary>
    private static async Task<int> WriteAsync(HarnessOptions options)
    {
        foreach (var flavor in options.Flavors)
        {
            var project = ProjectGenerator.Generate(flavor, options.Sizes[0], options.Seed);
            var directory = Path.Combine(options.WriteDirectory!, flavor.FolderName());
            var projectFile = await BuildableProject.WriteAsync(project, directory, options.RealBuildFramework,
                typeof(DoorbellGuard.Analyzers.Descriptors).Assembly.Location, typeof(DoorbellGuard.Doorbell).Assembly.Location).ConfigureAwait(false);
            Console.WriteLine($"Wrote {project.Files.Count} files, {project.Lines:N0} lines, {project.DoorbellMethods:N0} methods using a doorbell: {projectFile}");
        }
        return 0;
    }

    /// <summary>Which shapes cost the analyzers most, per method: a profile by construction, for the analyzer's authors.</summary>
    private static async Task<int> PerShapeAsync(CostMeasurement measurement, HarnessOptions options, CancellationToken cancellationToken)
    {
        const int Files = 50;
        int methodsOfShape = 0;
        async Task<double> AnalyzerMsAsync(string shape)
        {
            var project = ProjectGenerator.Generate(ProjectFlavor.DoorbellHeavy, 1, options.Seed, shape, Files);
            methodsOfShape = project.MethodsPerShape.TryGetValue(shape, out var count) ? count : 0;
            var trees = CostMeasurement.Parse(project);
            var references = CostMeasurement.References(project.Flavor);
            var times = new List<double>();
            for (int run = 0; run < options.Runs; run++)
            {
                times.Add((await measurement.RunAsync(trees, references, cancellationToken).ConfigureAwait(false)).AnalyzerExecutionTime.TotalMilliseconds);
            }
            return Statistics.Median(times);
        }

        double baseline = await AnalyzerMsAsync("").ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Baseline (no doorbell methods, {Files} files): analyzers {baseline:F1} ms"));
        var results = new List<(string Shape, double PerMethodUs)>();
        foreach (var shape in DoorbellShapes.All)
        {
            double ms = await AnalyzerMsAsync(shape.Name).ConfigureAwait(false);
            double perMethodUs = (ms - baseline) * 1000 / methodsOfShape;
            results.Add((shape.Name, perMethodUs));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {shape.Name,-34} analyzers {ms,8:F1} ms  -> {perMethodUs,8:F1} us per method"));
        }
        Console.WriteLine();
        Console.WriteLine("| shape | analyzer time per method (us) |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (shape, perMethodUs) in results.OrderByDescending(r => r.PerMethodUs))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {shape} | {perMethodUs:F1} |"));
        }
        return 0;
    }

    private static void PrintMachine(HarnessOptions options, IReadOnlyList<string> analyzerNames)
    {
        string cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
            // Not Linux: the processor name stays unknown.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
        Console.WriteLine($"DoorbellGuard analyzer cost harness: {Environment.ProcessorCount} cores, {cpu}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}");
        Console.WriteLine($"seed {options.Seed}, sizes {string.Join(",", options.Sizes)}x, {options.Runs} run(s) each, analyzers: {(analyzerNames.Count == 0 ? "none" : string.Join(", ", analyzerNames))}");
    }
}

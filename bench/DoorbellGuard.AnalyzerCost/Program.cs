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

internal sealed class HarnessOptions
{
    public const string Usage = """
        Options:
          --sizes 1,2,4        project sizes, in units of ~104,000 lines (default 1,2,4)
          --runs N             timed runs per size and flavor; the median is reported (default 3)
          --seed N             generator seed (default 20261124)
          --flavors LIST       heavy, none, or heavy,none (default heavy,none)
          --concurrent         let the compiler and the analyzer driver use every core (default: one thread, steadier figures)
          --enforce            exit with code 1 when a target is missed (analyzer <= 5% of compile time on the
                               doorbell-heavy project, <= 0.5% without DoorbellGuard, time per line at the largest
                               size <= 1.5x the time per line at the smallest)
          --reference          also time a naive baseline analyzer that builds and walks the CFG of every method
                               that calls a method named Ring (the cost to beat; one extra compilation per run)
          --per-shape          instead of the size table: the analyzers' time per method for each doorbell shape
                               (50 files each, all doorbell methods of one shape, minus a project with none)
          --write DIR          write the generated doorbell-heavy project of the smallest size to DIR and exit
        """;

    public IReadOnlyList<int> Sizes { get; private set; } = new[] { 1, 2, 4 };
    public int Runs { get; private set; } = 3;
    public int Seed { get; private set; } = 20261124;
    public IReadOnlyList<ProjectFlavor> Flavors { get; private set; } = new[] { ProjectFlavor.DoorbellHeavy, ProjectFlavor.WithoutDoorbellGuard };
    public bool Concurrent { get; private set; }
    public bool Enforce { get; private set; }
    public bool Reference { get; private set; }
    public bool PerShape { get; private set; }
    public string? WriteDirectory { get; private set; }

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--sizes":
                    options.Sizes = ParseList(Value(), "--sizes", s => int.Parse(s, CultureInfo.InvariantCulture)).OrderBy(s => s).ToArray();
                    if (options.Sizes.Any(s => s < 1))
                    {
                        throw new ArgumentException("--sizes takes whole numbers of 1 or more, for example --sizes 1,2,4.");
                    }
                    break;
                case "--runs":
                    options.Runs = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (options.Runs < 1)
                    {
                        throw new ArgumentException("--runs must be 1 or more.");
                    }
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--flavors":
                    options.Flavors = ParseList(Value(), "--flavors", s => s switch
                    {
                        "heavy" => ProjectFlavor.DoorbellHeavy,
                        "none" => ProjectFlavor.WithoutDoorbellGuard,
                        _ => throw new FormatException($"unknown flavor '{s}'"),
                    });
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--enforce":
                    options.Enforce = true;
                    break;
                case "--per-shape":
                    options.PerShape = true;
                    break;
                case "--reference":
                    options.Reference = true;
                    break;
                case "--write":
                    options.WriteDirectory = Value();
                    break;
                case "--help":
                case "-h":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}");
            }
        }
        return options;
    }

    private static T[] ParseList<T>(string text, string option, Func<string, T> parse)
    {
        try
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{option} {text}: {e.Message}.\n{Usage}", e);
        }
    }
}

/// <summary>The medians of one flavor at one size.</summary>
/// <remarks>Ratios are medians of the per-run ratios: the two halves of one run share the machine's load of the moment.</remarks>
internal sealed record Row(GeneratedProject Project, double CompileMs, double AnalyzerMs, double WallMs, double Ratio, double WallOverhead, double? ReferenceMs, double? ReferenceRatio, RunResult Sample)
{

    public double AnalyzerMsPer100kLines => AnalyzerMs / Project.Lines * 100_000;

    public double CompileMsPer100kLines => CompileMs / Project.Lines * 100_000;
}

internal static class Harness
{
    private const double HeavyTarget = 0.05;
    private const double BailOutTarget = 0.005;
    private const double LinearityTolerance = 1.5;

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
            var project = ProjectGenerator.Generate(ProjectFlavor.DoorbellHeavy, options.Sizes[0], options.Seed);
            foreach (var file in project.Files)
            {
                var path = Path.Combine(options.WriteDirectory, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, file.Text).ConfigureAwait(false);
            }
            Console.WriteLine($"Wrote {project.Files.Count} files, {project.Lines:N0} lines, to {options.WriteDirectory}.");
            return 0;
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
                var trees = CostMeasurement.Parse(project);
                var references = CostMeasurement.References(flavor);
                var results = new List<RunResult>();
                var referenceTimes = new List<double>();
                for (int run = 0; run < options.Runs; run++)
                {
                    var result = await measurement.RunAsync(trees, references, cancellation.Token).ConfigureAwait(false);
                    results.Add(result);
                    if (options.Reference)
                    {
                        referenceTimes.Add((await measurement.RunReferenceAsync(trees, references, cancellation.Token).ConfigureAwait(false)).TotalMilliseconds);
                        Console.WriteLine($"  {Name(flavor),-22} {size}x run {run + 1}: baseline {referenceTimes[^1],8:F1} ms for {measurement.LastReferenceWork.Graphs:N0} graphs, {measurement.LastReferenceWork.Blocks:N0} blocks");
                    }
                    Console.WriteLine($"  {Name(flavor),-22} {size}x run {run + 1}: compile {result.CompileTime.TotalMilliseconds,8:F0} ms, analyzers {result.AnalyzerExecutionTime.TotalMilliseconds,8:F1} ms, driver run (bind + analyzers) {result.CompileWithAnalyzersWallTime.TotalMilliseconds,8:F0} ms");
                }
                if (results[0].CompilerErrors > 0)
                {
                    Console.Error.WriteLine($"The generated {Name(flavor)} project at {size}x has {results[0].CompilerErrors} compiler errors; this is a bug in the generator.");
                    return 3;
                }
                rows.Add(new Row(
                    project,
                    Median(results.Select(r => r.CompileTime.TotalMilliseconds)),
                    Median(results.Select(r => r.AnalyzerExecutionTime.TotalMilliseconds)),
                    Median(results.Select(r => r.CompileWithAnalyzersWallTime.TotalMilliseconds)),
                    Median(results.Select(r => r.AnalyzerExecutionTime / r.CompileTime)),
                    Median(results.Select(r => (r.CompileWithAnalyzersWallTime - r.CompileTime) / r.CompileTime)),
                    referenceTimes.Count == 0 ? null : Median(referenceTimes),
                    referenceTimes.Count == 0 ? null : Median(referenceTimes.Select((t, i) => t / results[i].CompileTime.TotalMilliseconds)),
                    results[^1]));
            }
        }

        return Report(rows, options, analyzers.IsEmpty);
    }

    /// <summary>Which shapes cost the analyzers most, per method: a profile by construction, for the analyzer's authors.</summary>
    private static async Task<int> PerShapeAsync(CostMeasurement measurement, HarnessOptions options, CancellationToken cancellationToken)
    {
        const int Files = 50;
        async Task<double> AnalyzerMsAsync(string shape)
        {
            var project = ProjectGenerator.Generate(ProjectFlavor.DoorbellHeavy, 1, options.Seed, shape, Files);
            var trees = CostMeasurement.Parse(project);
            var references = CostMeasurement.References(project.Flavor);
            var times = new List<double>();
            for (int run = 0; run < options.Runs; run++)
            {
                times.Add((await measurement.RunAsync(trees, references, cancellationToken).ConfigureAwait(false)).AnalyzerExecutionTime.TotalMilliseconds);
            }
            return Median(times);
        }

        double baseline = await AnalyzerMsAsync("").ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Baseline (no doorbell methods, {Files} files): analyzers {baseline:F1} ms"));
        var results = new List<(string Shape, double PerMethodUs)>();
        foreach (var shape in DoorbellShapes.All)
        {
            double ms = await AnalyzerMsAsync(shape.Name).ConfigureAwait(false);
            double perMethodUs = (ms - baseline) * 1000 / (Files * 12);
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

    private static int Report(List<Row> rows, HarnessOptions options, bool noAnalyzers)
    {
        var failures = new List<string>();
        Console.WriteLine();
        Console.WriteLine($"Medians of {options.Runs} run(s), {(options.Concurrent ? "concurrent" : "single-threaded")} compiler and analyzer driver:");
        Console.WriteLine();
        Console.WriteLine("| project | size | lines | doorbell methods | compile (ms) | analyzers (ms) | analyzers / compile | target | driver run vs compile | analyzer ms per 100k lines |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var row in rows)
        {
            bool heavy = row.Project.Flavor == ProjectFlavor.DoorbellHeavy;
            double target = heavy ? HeavyTarget : BailOutTarget;
            bool met = row.Ratio <= target && !noAnalyzers;
            if (!met)
            {
                failures.Add($"{Name(row.Project.Flavor)} {row.Project.Scale}x: analyzers took {row.Ratio:P2} of compile time (target {target:P1}){(noAnalyzers ? ", and no analyzer was found" : "")}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Name(row.Project.Flavor)} | {row.Project.Scale}x | {row.Project.Lines:N0} | {(heavy ? row.Project.DoorbellMethods.ToString("N0", CultureInfo.InvariantCulture) : "0")} | {row.CompileMs:F0} | {row.AnalyzerMs:F1} | {row.Ratio:P2} | <= {target:P1} {(met ? "met" : "MISSED")} | {row.WallOverhead:P1} | {row.AnalyzerMsPer100kLines:F1} |"));
        }

        if (options.Reference)
        {
            Console.WriteLine();
            Console.WriteLine("Naive baseline (build and walk the CFG of every method that calls Ring), same runs:");
            foreach (var row in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Name(row.Project.Flavor)} {row.Project.Scale}x: {row.ReferenceMs:F1} ms = {row.ReferenceRatio:P2} of compile time (DoorbellGuard: {row.Ratio:P2})"));
            }
        }

        Console.WriteLine();
        foreach (var flavor in options.Flavors)
        {
            var ofFlavor = rows.Where(r => r.Project.Flavor == flavor).OrderBy(r => r.Project.Scale).ToList();
            if (ofFlavor.Count < 2)
            {
                continue;
            }
            var smallest = ofFlavor[0];
            var largest = ofFlavor[^1];
            double analyzerGrowth = largest.AnalyzerMsPer100kLines / smallest.AnalyzerMsPer100kLines;
            double compileGrowth = largest.CompileMsPer100kLines / smallest.CompileMsPer100kLines;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Growth, {Name(flavor)}, {smallest.Project.Scale}x -> {largest.Project.Scale}x: analyzer time per line x{analyzerGrowth:F2}, compile time per line x{compileGrowth:F2} (1.00 = linear)"));
            // Linearity is judged where the analyzer does work; the bail-out path costs microseconds and its per-line figure is noise.
            if (flavor == ProjectFlavor.DoorbellHeavy && !noAnalyzers && analyzerGrowth > LinearityTolerance)
            {
                failures.Add($"{Name(flavor)}: analyzer time per line grew x{analyzerGrowth:F2} from {smallest.Project.Scale}x to {largest.Project.Scale}x (tolerance x{LinearityTolerance:F1})");
            }
        }

        foreach (var row in rows.Where(r => r.Sample.PerAnalyzer.Count > 1))
        {
            Console.WriteLine($"Per analyzer, {Name(row.Project.Flavor)} {row.Project.Scale}x (last run): " + string.Join(", ",
                row.Sample.PerAnalyzer.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalMilliseconds:F1} ms"))));
        }

        Console.WriteLine();
        foreach (var row in rows)
        {
            var found = string.Join(", ", row.Sample.AnalyzerDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            var expected = string.Join(", ", row.Project.ExpectedDiagnostics.Select(p => $"{p.Key} {p.Value}"));
            Console.WriteLine($"Diagnostics, {Name(row.Project.Flavor)} {row.Project.Scale}x (source {row.Project.Sha256}): found [{found}]; the shapes call for [{expected}]");
            foreach (var failure in row.Sample.AnalyzerFailures)
            {
                Console.WriteLine("  ANALYZER FAILURE: " + failure);
                failures.Add($"{Name(row.Project.Flavor)} {row.Project.Scale}x: analyzer failure: {failure}");
            }
        }

        // Where the analyzer and the rules of issue #3 disagree, shape by shape (smallest doorbell-heavy project):
        // a lead for the analyzer's authors, not a target of this harness.
        var checkedRow = rows.FirstOrDefault(r => r.Project.Flavor == ProjectFlavor.DoorbellHeavy && !noAnalyzers);
        if (checkedRow is not null)
        {
            Console.WriteLine();
            Console.WriteLine($"Diagnostics per shape, doorbell-heavy {checkedRow.Project.Scale}x, where they differ from what the rules call for:");
            int differences = 0;
            foreach (var shape in DoorbellShapes.All)
            {
                int methods = checkedRow.Project.MethodsPerShape.TryGetValue(shape.Name, out var m) ? m : 0;
                var ids = shape.ExpectedDiagnostics.Concat(checkedRow.Sample.DiagnosticsPerShape.Keys.Where(k => k.Shape == shape.Name).Select(k => k.Id)).Distinct().OrderBy(i => i, StringComparer.Ordinal);
                foreach (var id in ids)
                {
                    int expectedCount = shape.ExpectedDiagnostics.Contains(id) ? methods : 0;
                    int foundCount = checkedRow.Sample.DiagnosticsPerShape.TryGetValue((shape.Name, id), out var f) ? f : 0;
                    if (expectedCount != foundCount)
                    {
                        differences++;
                        Console.WriteLine($"  {shape.Name} ({methods} methods): {id} expected {expectedCount}, found {foundCount}");
                    }
                }
            }
            foreach (var extra in checkedRow.Sample.DiagnosticsPerShape.Where(p => DoorbellShapes.All.All(s => s.Name != p.Key.Shape)))
            {
                differences++;
                Console.WriteLine($"  {extra.Key.Shape}: {extra.Key.Id} expected 0, found {extra.Value}");
            }
            if (differences == 0)
            {
                Console.WriteLine("  none: every shape got exactly the diagnostics the rules call for.");
            }
        }

        Console.WriteLine();
        if (failures.Count == 0)
        {
            Console.WriteLine("All targets met.");
            return 0;
        }
        Console.WriteLine("Targets missed:");
        foreach (var failure in failures)
        {
            Console.WriteLine("  - " + failure);
        }
        return options.Enforce ? 1 : 0;
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

    private static string Name(ProjectFlavor flavor) => flavor == ProjectFlavor.DoorbellHeavy ? "doorbell-heavy" : "without DoorbellGuard";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>The medians of one variant at one size.</summary>
/// <remarks>Ratios are medians of the per-run ratios: the two halves of one run share the machine's load of the moment.</remarks>
internal sealed record Row(GeneratedProject Project, double CompileMs, double AnalyzerMs, double WallMs, double Ratio, double WallOverhead, double? ReferenceMs, double? ReferenceRatio, RunResult Sample)
{
    public double AnalyzerMsPer100kLines => AnalyzerMs / Project.Lines * 100_000;

    public double CompileMsPer100kLines => CompileMs / Project.Lines * 100_000;
}

/// <summary>
/// Prints the in-memory measurements: one row per variant and size with its target, the naive baseline, growth with
/// size, the diagnostics found, and where they differ from what the rules call for. Collects the targets missed.
/// </summary>
internal static class CostReport
{
    /// <summary>Prints every table; returns the targets missed (analyzer failures included).</summary>
    public static List<string> Print(IReadOnlyList<Row> rows, HarnessOptions options, bool noAnalyzers)
    {
        var failures = new List<string>();
        Console.WriteLine();
        Console.WriteLine($"Medians of {options.Runs} run(s), {(options.Concurrent ? "concurrent" : "single-threaded")} compiler and analyzer driver:");
        Console.WriteLine();
        Console.WriteLine("| project | size | lines | methods using a doorbell | compile (ms) | analyzers (ms) | analyzers / compile | target | driver run vs compile | analyzer ms per 100k lines |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var row in rows)
        {
            var (target, met) = Judge(row);
            if (!met || noAnalyzers)
            {
                failures.Add($"{row.Project.Flavor.DisplayName()} {row.Project.Scale}x: analyzers took {row.Ratio:P2} of compile time (target {target}){(noAnalyzers ? ", and no analyzer was found" : "")}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Project.Flavor.DisplayName()} | {row.Project.Scale}x | {row.Project.Lines:N0} | {DoorbellMethods(row.Project)} | {row.CompileMs:F0} | {row.AnalyzerMs:F1} | {row.Ratio:P2} | {target} {(met ? "met" : "MISSED")} | {row.WallOverhead:P1} | {row.AnalyzerMsPer100kLines:F1} |"));
        }

        if (options.Reference)
        {
            Console.WriteLine();
            Console.WriteLine("Naive baseline (build and walk the CFG of every method that calls Ring), same runs:");
            foreach (var row in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {row.Project.Flavor.DisplayName()} {row.Project.Scale}x: {row.ReferenceMs:F1} ms = {row.ReferenceRatio:P2} of compile time (DoorbellGuard: {row.Ratio:P2})"));
            }
        }

        Console.WriteLine();
        foreach (var flavor in options.Flavors)
        {
            PrintGrowth(rows.Where(r => r.Project.Flavor == flavor).OrderBy(r => r.Project.Scale).ToList(), noAnalyzers, failures);
        }

        foreach (var row in rows.Where(r => r.Sample.PerAnalyzer.Count > 1))
        {
            Console.WriteLine($"Per analyzer, {row.Project.Flavor.DisplayName()} {row.Project.Scale}x (last run): " + string.Join(", ",
                row.Sample.PerAnalyzer.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalMilliseconds:F1} ms"))));
        }

        Console.WriteLine();
        foreach (var row in rows)
        {
            var found = string.Join(", ", row.Sample.AnalyzerDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            var expected = string.Join(", ", row.Project.ExpectedDiagnostics.Select(p => $"{p.Key} {p.Value}"));
            Console.WriteLine($"Diagnostics, {row.Project.Flavor.DisplayName()} {row.Project.Scale}x (source {row.Project.Sha256}): found [{found}]; the shapes call for [{expected}]");
            foreach (var failure in row.Sample.AnalyzerFailures)
            {
                Console.WriteLine("  ANALYZER FAILURE: " + failure);
                failures.Add($"{row.Project.Flavor.DisplayName()} {row.Project.Scale}x: analyzer failure: {failure}");
            }
        }

        if (!noAnalyzers)
        {
            // The smallest project of each variant that uses doorbells: a check of the analyzer's answers, shape by shape.
            foreach (var checkedRow in rows.Where(r => r.Project.Flavor.ReferencesDoorbellGuard()).GroupBy(r => r.Project.Flavor).Select(g => g.MinBy(r => r.Project.Scale)!))
            {
                PrintAnswerCheck(checkedRow);
            }
        }
        return failures;
    }

    /// <summary>The closing verdict; the process's exit code.</summary>
    public static int PrintVerdict(IReadOnlyList<string> failures, bool enforce)
    {
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
        return enforce ? 1 : 0;
    }

    /// <summary>The row's target as printed, and whether it is met.</summary>
    private static (string Target, bool Met) Judge(Row row)
    {
        var share = CostTargets.ShareOfCompile(row.Project.Flavor);
        var target = string.Create(CultureInfo.InvariantCulture, $"<= {share:P1}");
        var met = row.Ratio <= share;
        if (CostTargets.MustBeatBaseline(row.Project.Flavor))
        {
            if (row.ReferenceRatio is { } baseline)
            {
                target += string.Create(CultureInfo.InvariantCulture, $" and < baseline {baseline:P2}");
                met &= row.Ratio < baseline;
            }
            else
            {
                target += " (baseline not measured: --reference)";
            }
        }
        return (target, met);
    }

    /// <summary>"2,800 (1 in 2)": how many methods use a doorbell, and one in how many methods that is.</summary>
    private static string DoorbellMethods(GeneratedProject project)
    {
        if (project.DoorbellMethods == 0)
        {
            return "0";
        }
        double oneIn = (double)(project.DoorbellMethods + project.OrdinaryMethods) / project.DoorbellMethods;
        return string.Create(CultureInfo.InvariantCulture, $"{project.DoorbellMethods:N0} (1 in {oneIn:F0})");
    }

    private static void PrintGrowth(IReadOnlyList<Row> ofFlavor, bool noAnalyzers, List<string> failures)
    {
        if (ofFlavor.Count < 2)
        {
            return;
        }
        var smallest = ofFlavor[0];
        var largest = ofFlavor[^1];
        var flavor = smallest.Project.Flavor;
        double analyzerGrowth = largest.AnalyzerMsPer100kLines / smallest.AnalyzerMsPer100kLines;
        double compileGrowth = largest.CompileMsPer100kLines / smallest.CompileMsPer100kLines;
        bool judged = CostTargets.GrowthJudged(flavor) && !noAnalyzers;
        bool met = analyzerGrowth <= CostTargets.GrowthPerLine;
        var verdict = judged
            ? string.Create(CultureInfo.InvariantCulture, $"target <= x{CostTargets.GrowthPerLine:F1} {(met ? "met" : "MISSED")}")
            : "not judged: the analyzer stops at compilation start, its time is noise";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Growth, {flavor.DisplayName()}, {smallest.Project.Scale}x -> {largest.Project.Scale}x: analyzer time per line x{analyzerGrowth:F2}, compile time per line x{compileGrowth:F2} (1.00 = linear); {verdict}"));
        if (judged && !met)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{flavor.DisplayName()}: analyzer time per line grew x{analyzerGrowth:F2} from {smallest.Project.Scale}x to {largest.Project.Scale}x (target x{CostTargets.GrowthPerLine:F1})"));
        }
    }

    /// <summary>Where the analyzer and the rules disagree, shape by shape: a lead for the analyzer's authors, not a target.</summary>
    private static void PrintAnswerCheck(Row checkedRow)
    {
        var project = checkedRow.Project;
        Console.WriteLine();
        Console.WriteLine($"Diagnostics per shape, {project.Flavor.DisplayName()} {project.Scale}x, where they differ from what the rules call for:");
        int differences = 0;
        foreach (var shape in DoorbellShapes.All)
        {
            int methods = project.MethodsPerShape.TryGetValue(shape.Name, out var m) ? m : 0;
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
}

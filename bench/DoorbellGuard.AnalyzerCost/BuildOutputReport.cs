using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>One analyzer assembly's line, or one analyzer's, in the table csc prints with /reportanalyzer.</summary>
internal sealed record ReportedTime(string Name, double Seconds);

/// <summary>
/// What one `dotnet build -v:detailed -clp:PerformanceSummary -p:ReportAnalyzer=true` printed about the compiler:
/// the analyzer execution times csc reports (total, per assembly, per analyzer), the generators' total, the Csc task's
/// time from MSBuild's task performance summary, and the distinct DoorbellGuard warnings.
/// </summary>
internal sealed record BuildOutputReport(
    double TotalAnalyzerSeconds,
    IReadOnlyList<ReportedTime> Assemblies,
    IReadOnlyList<ReportedTime> Analyzers,
    double GeneratorSeconds,
    double CscTaskMs,
    IReadOnlyDictionary<string, int> DoorbellGuardWarnings)
{
    // "   0.705   35   DoorbellGuard.Analyzers, Version=..." (an assembly) or "   0.705   35      DoorbellGuard....Analyzer (DBL001, ...)"
    // (an analyzer: three more spaces); a time or share under the precision reads "<0.001" or "<1".
    private static readonly Regex TimeLine = new(@"^\s*<?(?<seconds>\d+[.,]\d+)\s+<?\d+(?<indent> +)(?<name>\S.*?)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex Total = new(@"Total (?<what>analyzer|generator) execution time: (?<seconds>\d+[.,]\d+) seconds", RegexOptions.CultureInvariant);
    private static readonly Regex CscTask = new(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.CultureInvariant);
    private static readonly Regex Warning = new(@"(?<location>[^\s>]+\(\d+,\d+\)): warning (?<id>DBL\d{3}):", RegexOptions.CultureInvariant);

    /// <summary>The seconds DoorbellGuard's analyzer assembly took, 0 when it does not appear in the table.</summary>
    public double DoorbellGuardSeconds => Assemblies.Where(a => a.Name.StartsWith("DoorbellGuard.", StringComparison.Ordinal)).Sum(a => a.Seconds);

    /// <summary>Reads a build's console output; throws when the parts this harness needs are missing.</summary>
    public static BuildOutputReport Parse(IEnumerable<string> lines)
    {
        double? totalAnalyzers = null;
        double generators = 0;
        double? cscMs = null;
        var assemblies = new List<ReportedTime>();
        var analyzers = new List<ReportedTime>();
        var warnings = new HashSet<(string Location, string Id)>();
        bool inAnalyzerTable = false;
        int assemblyIndent = -1;
        foreach (var line in lines)
        {
            if (Total.Match(line) is { Success: true } total)
            {
                inAnalyzerTable = total.Groups["what"].Value == "analyzer";
                if (inAnalyzerTable)
                {
                    totalAnalyzers = Seconds(total);
                }
                else
                {
                    generators = Seconds(total);
                }
                continue;
            }
            if (line.Contains("Done executing task \"Csc\"", StringComparison.Ordinal))
            {
                inAnalyzerTable = false;
                continue;
            }
            if (CscTask.Match(line) is { Success: true } csc)
            {
                cscMs = double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture);
                continue;
            }
            if (Warning.Match(line) is { Success: true } warning)
            {
                // Detailed verbosity prints each warning where it happens and again in the closing summary.
                warnings.Add((warning.Groups["location"].Value, warning.Groups["id"].Value));
                continue;
            }
            if (inAnalyzerTable && TimeLine.Match(line) is { Success: true } row)
            {
                // The first row is an assembly; rows indented further are that assembly's analyzers.
                int indent = row.Groups["indent"].Length;
                if (assemblyIndent < 0)
                {
                    assemblyIndent = indent;
                }
                var time = new ReportedTime(row.Groups["name"].Value, Seconds(row));
                (indent > assemblyIndent ? analyzers : assemblies).Add(time);
            }
        }

        if (totalAnalyzers is null)
        {
            throw new InvalidDataException("The build printed no 'Total analyzer execution time': was ReportAnalyzer on, and did csc run?");
        }
        if (cscMs is null)
        {
            throw new InvalidDataException("The build printed no Csc line in the task performance summary (-clp:PerformanceSummary).");
        }
        var perRule = warnings.GroupBy(w => w.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BuildOutputReport(totalAnalyzers.Value, assemblies, analyzers, generators, cscMs.Value, perRule);
    }

    private static double Seconds(Match match) =>
        double.Parse(match.Groups["seconds"].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DoorbellGuard.Corpus.Measuring;

namespace DoorbellGuard.RealCode;

/// <summary>The printed results: per codebase and overall, broken down by kind of member and block category, then the misses.</summary>
internal static class RealCodeReport
{
    public const double RecallTarget = 0.95;
    public const double PrecisionTarget = 1.00;

    public static string Summary(IReadOnlyList<(string Codebase, IReadOnlyList<InjectionOutcome> Outcomes)> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("codebase / part                 judged  skipped |  TP  FP  FN  precision  recall | outside  AD0001");
        foreach (var (codebase, outcomes) in runs)
        {
            Row(text, codebase, outcomes);
            Row(text, "  in pointer code", outcomes.Where(o => o.Injection.Site.IsPointerCode));
            Row(text, "  in other code", outcomes.Where(o => !o.Injection.Site.IsPointerCode));
            Row(text, "  member fully bound", outcomes.Where(o => o.UnknownOperations == 0));
            Row(text, "  member has unknown ops", outcomes.Where(o => o.UnknownOperations > 0));
            foreach (var category in outcomes.Select(o => o.Injection.Block.Category).Distinct().OrderBy(c => c, StringComparer.Ordinal))
                Row(text, "  " + category + " blocks", outcomes.Where(o => o.Injection.Block.Category == category));
        }

        var all = runs.SelectMany(r => r.Outcomes).ToList();
        var overall = Row(text, "overall", all);
        foreach (var reason in all.Where(o => o.Unjudgeable != Unjudgeable.None).GroupBy(o => o.Unjudgeable))
            text.AppendLine(CultureInfo.InvariantCulture, $"skipped, {reason.Key}: {reason.Count()} (e.g. {reason.First().Detail ?? reason.First().Injection.Site.Member})");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"targets: recall >= {RecallTarget:0.00} at precision {PrecisionTarget:0.00} (now {overall.Recall:0.000} at {overall.Precision:0.000}); outside the blocks 0 and AD0001 0 (now {all.Sum(o => o.Outside.Length)} and {all.Sum(o => o.Failures.Length)})");
        return text.ToString();
    }

    public static string Problems(IReadOnlyList<(string Codebase, IReadOnlyList<InjectionOutcome> Outcomes)> runs, int limit)
    {
        var text = new StringBuilder();
        var lines = new List<string>();
        foreach (var (codebase, outcomes) in runs)
        {
            foreach (var o in outcomes.Where(o => o.Unjudgeable == Unjudgeable.None))
            {
                var where = $"{codebase}/{o.Injection.Site.File}:{o.Injection.Site.Line} {o.Injection.Site.Member}"
                    + (o.Injection.Site.IsPointerCode ? " [pointer code]" : "")
                    + (o.UnknownOperations > 0 ? $" [{o.UnknownOperations} unknown operations]" : "")
                    + $" <- {o.Injection.Block.Name}";
                foreach (var missed in o.Mismatch!.Missed)
                    lines.Add($"missed     {missed.Id} in {where}");
                foreach (var extra in o.Mismatch.Unexpected)
                    lines.Add($"unexpected {extra.Id} in {where}");
                foreach (var outside in o.Outside)
                    lines.Add($"OUTSIDE    {outside} (block {o.Injection.Block.Name})");
                foreach (var failure in o.Failures)
                    lines.Add($"AD0001     {failure} in {where}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{lines.Count} problem(s){(lines.Count > limit ? $", the first {limit}" : "")}:");
        foreach (var line in lines.Take(limit))
            text.AppendLine(line);
        return text.ToString();
    }

    public static bool HasHardFailures(IEnumerable<InjectionOutcome> outcomes) => outcomes.Any(o => o.Outside.Length > 0 || o.Failures.Length > 0);

    /// <summary>Prints one row and returns its tally.</summary>
    private static FindingTally Row(StringBuilder text, string name, IEnumerable<InjectionOutcome> outcomes)
    {
        var list = outcomes.ToList();
        var judged = list.Where(o => o.Unjudgeable == Unjudgeable.None).ToList();
        var tally = Tally(judged);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{name,-31} {judged.Count,6} {list.Count - judged.Count,8} | {tally.TruePositives,3} {tally.FalsePositives,3} {tally.FalseNegatives,3}  {tally.Precision,9:0.000}  {tally.Recall,6:0.000} | {judged.Sum(o => o.Outside.Length),7} {judged.Sum(o => o.Failures.Length),7}");
        return tally;
    }

    private static FindingTally Tally(IEnumerable<InjectionOutcome> outcomes)
    {
        var tally = new FindingTally();
        foreach (var o in outcomes)
        {
            if (o.Tally is { } judged)
                tally.Add(judged);
        }

        return tally;
    }
}

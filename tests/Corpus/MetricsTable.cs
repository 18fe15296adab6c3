using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DoorbellGuard.Corpus.Measuring;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>The printed form of the corpus results: a table per category, then every mismatch with its case and line.</summary>
internal static class MetricsTable
{
    public static string Format(IReadOnlyList<CategoryMetrics> metrics)
    {
        var text = new StringBuilder();
        text.AppendLine("category   cases  +   -  pending |  TP  FP  FN  precision  recall | asserted: TP  FP  FN  precision  recall");
        var total = new FindingTally();
        foreach (var m in metrics)
        {
            total.Add(m.All);
            var asserted = m.CategoryPending
                ? "pending: " + PendingFeatures.Categories[m.Category]
                : Row(m.Asserted) + (m.MeetsTargets(m.Asserted) ? "  ok" : "  BELOW TARGET");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{m.Category,-10} {m.Cases,5} {m.Positive,3} {m.Cases - m.Positive,3} {m.Pending,8} | {Row(m.All)} | {asserted}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{"all",-10} {metrics.Sum(m => m.Cases),5} {metrics.Sum(m => m.Positive),3} {metrics.Sum(m => m.Cases - m.Positive),3} {metrics.Sum(m => m.Pending),8} | {Row(total)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"targets per category: precision >= {CategoryMetrics.PrecisionTarget}, recall >= {CategoryMetrics.RecallTarget}");
        return text.ToString();
    }

    public static string FormatMismatches(IEnumerable<CaseOutcome> outcomes)
    {
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            var mismatch = outcome.Mismatch;
            if (mismatch.IsEmpty)
                continue;
            var pending = outcome.PendingReason is { } reason ? $" [pending: {reason}]" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"{outcome.Case.Name}{pending}");
            foreach (var missed in mismatch.Missed)
                text.AppendLine("    missed:     " + outcome.Describe(missed));
            foreach (var extra in mismatch.Unexpected)
                text.AppendLine("    unexpected: " + outcome.Describe(extra));
        }

        return text.Length == 0 ? "no mismatches" : "mismatches:\n" + text;
    }

    private static string Row(FindingTally t) =>
        string.Format(CultureInfo.InvariantCulture, "{0,3} {1,3} {2,3}  {3,9:0.000}  {4,6:0.000}", t.TruePositives, t.FalsePositives, t.FalseNegatives, t.Precision, t.Recall);
}

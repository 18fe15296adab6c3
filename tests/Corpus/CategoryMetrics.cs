using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Corpus.Measuring;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>The totals of one category: over all its cases, and over the ones asserted now (not pending).</summary>
public sealed record CategoryMetrics(string Category, int Cases, int Positive, int Pending, FindingTally All, FindingTally Asserted, bool CategoryPending)
{
    public const double PrecisionTarget = 0.98;
    public const double RecallTarget = 0.97;

    public bool MeetsTargets(FindingTally tally) => tally.Precision >= PrecisionTarget && tally.Recall >= RecallTarget;

    public static IReadOnlyList<CategoryMetrics> Of(IEnumerable<CaseOutcome> outcomes) => outcomes
        .GroupBy(o => o.Case.Category)
        .OrderBy(g => g.Key, System.StringComparer.Ordinal)
        .Select(g =>
        {
            var all = new FindingTally();
            var asserted = new FindingTally();
            foreach (var outcome in g)
            {
                all.Add(outcome.Case.Source.Expected, outcome.Reported);
                if (outcome.PendingReason is null)
                    asserted.Add(outcome.Case.Source.Expected, outcome.Reported);
            }

            return new CategoryMetrics(
                g.Key,
                g.Count(),
                g.Count(o => o.Case.IsPositive),
                g.Count(o => o.PendingReason is not null),
                all,
                asserted,
                PendingFeatures.Categories.ContainsKey(g.Key));
        })
        .ToList();
}

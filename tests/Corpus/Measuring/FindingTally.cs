using System.Collections.Generic;
using System.Linq;

namespace DoorbellGuard.Corpus.Measuring;

/// <summary>What one comparison of expected and reported findings found wrong.</summary>
public sealed record FindingMismatch(IReadOnlyList<Finding> Missed, IReadOnlyList<Finding> Unexpected)
{
    public bool IsEmpty => Missed.Count == 0 && Unexpected.Count == 0;
}

/// <summary>
/// True positives, false positives and false negatives of (rule ID, exact span) findings, added up over many
/// comparisons. A finding counts as found only with the same ID on the same span: a DBL003 reported where DBL002
/// was expected is one false positive and one false negative.
/// </summary>
public sealed class FindingTally
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    /// <summary>TP / (TP + FP); 1 when nothing was reported (no report is wrong).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was expected (nothing was missed).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Compares one unit (a case, an injected block) and adds it to the totals.</summary>
    public FindingMismatch Add(IEnumerable<Finding> expected, IEnumerable<Finding> reported)
    {
        var unmatched = expected.ToList();
        var unexpected = new List<Finding>();
        foreach (var finding in reported)
        {
            if (unmatched.Remove(finding))
                TruePositives++;
            else
                unexpected.Add(finding);
        }

        FalsePositives += unexpected.Count;
        FalseNegatives += unmatched.Count;
        return new FindingMismatch(unmatched, unexpected);
    }

    public void Add(FindingTally other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }
}

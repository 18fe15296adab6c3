namespace DoorbellGuard.AnalyzerCost;

/// <summary>
/// The targets of issue #9 for the analyzer's cost, per variant: the analyzers' share of compile time (ratios measured
/// in one run, single-threaded), and how the analyzer time per line may grow from the smallest size to the largest.
/// </summary>
internal static class CostTargets
{
    /// <summary>Analyzer time per line at the largest size over that at the smallest: at most this.</summary>
    public const double GrowthPerLine = 1.2;

    /// <summary>The most the analyzers may take, as a share of compile time.</summary>
    public static double ShareOfCompile(ProjectFlavor flavor) => flavor switch
    {
        ProjectFlavor.DoorbellHeavy => 0.03,
        ProjectFlavor.Typical => 0.003,
        _ => 0.002,
    };

    /// <summary>The doorbell-heavy project must also cost less than merely building the graphs (the naive baseline).</summary>
    public static bool MustBeatBaseline(ProjectFlavor flavor) => flavor == ProjectFlavor.DoorbellHeavy;

    /// <summary>
    /// Growth is judged where the analyzer does work in every method (its cheap scan at least); without DoorbellGuard it
    /// stops at compilation start and its time is microseconds of noise, so its growth is printed, not judged.
    /// </summary>
    public static bool GrowthJudged(ProjectFlavor flavor) => flavor.ReferencesDoorbellGuard();
}

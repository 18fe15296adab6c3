using System.Collections.Generic;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>
/// What the corpus expects but the analyzer does not do yet: the features of issue #11 being built. For these the
/// metrics are computed and printed, never asserted. When a feature lands, delete its entries here: the category or
/// case is then asserted like every other (the test prints which pending entries already pass).
/// </summary>
internal static class PendingFeatures
{
    /// <summary>Whole categories, by folder name under Cases.</summary>
    public static IReadOnlyDictionary<string, string> Categories { get; } = new Dictionary<string, string>
    {
    };

    /// <summary>Single cases of categories that are otherwise asserted, by name (path under Cases, no extension).</summary>
    public static IReadOnlyDictionary<string, string> Cases { get; } = new Dictionary<string, string>
    {
    };

    /// <summary>
    /// Cases the analyzer gets wrong for no feature of #11: bugs handed to the lead. Not asserted either, so that the
    /// categories measure the features; delete an entry when its bug is fixed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownBugs { get; } = new Dictionary<string, string>
    {
    };

    public static string? Reason(string category, string caseName) =>
        Categories.TryGetValue(category, out var reason) ? reason
        : Cases.TryGetValue(caseName, out reason) ? reason
        : KnownBugs.TryGetValue(caseName, out reason) ? reason
        : null;
}

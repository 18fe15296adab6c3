using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Translation;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>How the analyzer runs: the defaults in a build, other values in tests and benchmarks.</summary>
internal sealed class AnalysisSettings
{
    public AnalysisSettings(ProtocolBudget budget, bool forceControlFlowGraph, TranslationStatistics? statistics = null, EntryStatistics? entry = null)
    {
        Budget = budget;
        ForceControlFlowGraph = forceControlFlowGraph;
        Statistics = statistics;
        Entry = entry;
    }

    public static AnalysisSettings Default { get; } = new(ProtocolBudget.Default, forceControlFlowGraph: false);

    /// <summary>Settings whose every method goes through Roslyn's control-flow graph: the reference the fast paths are checked against.</summary>
    public static AnalysisSettings GraphOnly { get; } = new(ProtocolBudget.Default, forceControlFlowGraph: true);

    public ProtocolBudget Budget { get; }

    /// <summary>Skip the syntax-directed fast path: every method that rings is translated from its control-flow graph.</summary>
    public bool ForceControlFlowGraph { get; }

    /// <summary>When set (tests, benchmarks), counts which path translated each body.</summary>
    public TranslationStatistics? Statistics { get; }

    /// <summary>When set (tests, benchmarks), counts what the per-tree entry asked for and analysed.</summary>
    public EntryStatistics? Entry { get; }
}

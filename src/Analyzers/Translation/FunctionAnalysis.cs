using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>A violation ready to report: the rule, the ring it concerns, and how the user wrote the doorbell.</summary>
internal readonly struct ProtocolReport
{
    public ProtocolReport(ProtocolRule rule, Location location, string doorbellText)
    {
        Rule = rule;
        Location = location;
        DoorbellText = doorbellText;
    }

    public ProtocolRule Rule { get; }

    public Location Location { get; }

    public string DoorbellText { get; }
}

/// <summary>Runs the protocol analysis over a body's graph and over every lambda and local function in it, each on its own.</summary>
internal static class FunctionAnalysis
{
    public static void Analyze(
        ControlFlowGraph graph,
        IMethodSymbol? function,
        bool isRingWrapper,
        ProtocolSymbols symbols,
        WrapperConfiguration configuration,
        ProtocolBudget budget,
        ImmutableArray<ProtocolReport>.Builder reports,
        CancellationToken cancellationToken)
    {
        Analyze(graph, function, isRingWrapper, symbols, configuration, budget, reports, 0, cancellationToken);
    }

    /// <summary>The fast path for a branch-free body (<see cref="StraightLineBody"/>): no graph is built.</summary>
    public static void AnalyzeStraightLine(
        IReadOnlyList<IOperation> statements,
        IMethodSymbol? function,
        bool isRingWrapper,
        ProtocolSymbols symbols,
        WrapperConfiguration configuration,
        ProtocolBudget budget,
        ImmutableArray<ProtocolReport>.Builder reports,
        CancellationToken cancellationToken)
    {
        var walker = new EventWalker(symbols, configuration, function, isRingWrapper, CapturedRoots.None, cancellationToken);
        var model = new StraightLineModelBuilder(walker).Build(statements);
        Report(model, budget, reports, cancellationToken);
    }

    private static void Report(FunctionModel model, ProtocolBudget budget, ImmutableArray<ProtocolReport>.Builder reports, CancellationToken cancellationToken)
    {
        if (model.Graph is null || !model.HasRing)
            return;
        var result = ProtocolAnalysis.Run(model.Graph, budget, cancellationToken);
        foreach (var violation in result.Violations)
        {
            var site = model.Sites[violation.Site];
            reports.Add(new ProtocolReport(violation.Rule, site.Location, site.DoorbellText));
        }
    }

    private static void Analyze(
        ControlFlowGraph graph,
        IMethodSymbol? function,
        bool isRingWrapper,
        ProtocolSymbols symbols,
        WrapperConfiguration configuration,
        ProtocolBudget budget,
        ImmutableArray<ProtocolReport>.Builder reports,
        int depth,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var captured = CapturedRoots.Collect(graph, cancellationToken);
        var walker = new EventWalker(symbols, configuration, function, isRingWrapper, captured, cancellationToken);
        var model = new CfgModelBuilder(graph, walker, budget.MaxBlocks).Build();
        Report(model, budget, reports, cancellationToken);

        if (depth >= NestedFunctions.MaxDepth)
            return;
        foreach (var nested in NestedFunctions.Of(graph, cancellationToken))
            Analyze(nested.Graph, nested.Symbol, false, symbols, configuration, budget, reports, depth + 1, cancellationToken);
    }
}

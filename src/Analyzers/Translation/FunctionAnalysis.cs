using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// A violation ready to report: the rule, the ring it concerns, how the user wrote the doorbell, and what explains it
/// (where it shows, where the offending path leaves the method, the branch that let the status through; null when unknown).
/// </summary>
internal readonly struct ProtocolReport
{
    public ProtocolReport(ProtocolRule rule, Location location, string doorbellText, Detection detection = Detection.Exit, Location? leave = null, Location? branch = null, Location? nextRing = null, GiveUpReason skipped = GiveUpReason.None, Location? created = null, ImmutableArray<Location> calls = default)
    {
        Calls = calls.IsDefault ? ImmutableArray<Location>.Empty : calls;
        Created = created;
        Skipped = skipped;
        Rule = rule;
        Location = location;
        DoorbellText = doorbellText;
        Detection = detection;
        Leave = leave;
        Branch = branch;
        NextRing = nextRing;
    }

    public ProtocolRule Rule { get; }

    public Location Location { get; }

    public string DoorbellText { get; }

    public Detection Detection { get; }

    /// <summary>Where the offending path leaves the method (the return, the closing brace, the yield break).</summary>
    public Location? Leave { get; }

    /// <summary>For DBL002-DBL004: the condition (or loop exit) that let the status through.</summary>
    public Location? Branch { get; }

    /// <summary>When the violation shows at a later ring: that ring.</summary>
    public Location? NextRing { get; }

    /// <summary>For DBL005: where the doorbell rung unconnected was created.</summary>
    public Location? Created { get; }

    /// <summary>For a helper that answers for the status it read: the calls of the helper (its callers have nothing to fix).</summary>
    public ImmutableArray<Location> Calls { get; }

    /// <summary>For <see cref="ProtocolRule.AnalysisSkipped"/>: why; then <see cref="DoorbellText"/> names the function.</summary>
    public GiveUpReason Skipped { get; }

    /// <summary>The analysis of a function stopped short: DBL900 at the function.</summary>
    public static ProtocolReport SkippedFunction(IMethodSymbol? function, IOperation body, GiveUpReason reason) => new(
        ProtocolRule.AnalysisSkipped,
        function?.Locations.FirstOrDefault(l => l.IsInSource) ?? body.Syntax.GetLocation(),
        FunctionNames.Of(function),
        skipped: reason);
}

/// <summary>What every function's translation of one method shares.</summary>
internal sealed class TranslationInputs
{
    public TranslationInputs(ProtocolSymbols symbols, WrapperConfiguration configuration, ProtocolBudget budget, CancellationToken cancellationToken, IHelperModels? helperModels = null, int maxCallDepth = 0)
    {
        Symbols = symbols;
        Configuration = configuration;
        Budget = budget;
        CancellationToken = cancellationToken;
        HelperModels = helperModels;
        MaxCallDepth = helperModels is null ? 0 : maxCallDepth;
    }

    /// <summary>Where helper summaries come from; null when calls are not followed (<c>doorbellguard.interprocedural = none</c>).</summary>
    public IHelperModels? HelperModels { get; }

    /// <summary>How many levels of helpers below a function are followed.</summary>
    public int MaxCallDepth { get; }

    public ProtocolSymbols Symbols { get; }

    public WrapperConfiguration Configuration { get; }

    public ProtocolBudget Budget { get; }

    public CancellationToken CancellationToken { get; }
}

/// <summary>
/// Runs the protocol analysis over a body and over every lambda and local function in it, each on its own. The body
/// and its nested functions are translated from the operation tree when the structured builder covers all of them;
/// otherwise from the control-flow graph, obtained only then.
/// </summary>
internal static class FunctionAnalysis
{
    public static void Analyze(
        IOperation body,
        Func<ControlFlowGraph> graph,
        IMethodSymbol? function,
        bool isRingWrapper,
        bool forceGraph,
        TranslationInputs inputs,
        ImmutableArray<ProtocolReport>.Builder reports,
        TranslationStatistics? statistics = null)
    {
        string? notCovered = "forced";
        if (!forceGraph)
        {
            var models = new List<FunctionModel>();
            var owners = new List<(IMethodSymbol? Function, IOperation Body)>();
            if (TryStructured(body, function, isRingWrapper, inputs, models, owners, depth: 0, out notCovered))
            {
                for (var i = 0; i < models.Count; i++)
                    Report(models[i], owners[i].Function, owners[i].Body, inputs, reports);
                statistics?.CountStructured();
                return;
            }
        }

        AnalyzeGraph(graph(), function, isRingWrapper, inputs, reports);
        statistics?.CountGraph(notCovered ?? "unknown");
    }

    /// <summary>The graph path alone: the reference the structured path is held to.</summary>
    public static void AnalyzeGraph(ControlFlowGraph graph, IMethodSymbol? function, bool isRingWrapper, TranslationInputs inputs, ImmutableArray<ProtocolReport>.Builder reports) =>
        AnalyzeGraph(graph, function, isRingWrapper, inputs, reports, depth: 0);

    private static bool TryStructured(IOperation body, IMethodSymbol? function, bool isRingWrapper, TranslationInputs inputs, List<FunctionModel> models, List<(IMethodSymbol? Function, IOperation Body)> owners, int depth, out string? notCovered)
    {
        inputs.CancellationToken.ThrowIfCancellationRequested();
        var nested = NestedFunctions.Of(body);
        var walker = new StructuredWalker(inputs.Symbols, inputs.Configuration, function, isRingWrapper, CapturedRoots.Collect(nested), inputs.CancellationToken, inputs.HelperModels, inputs.MaxCallDepth);
        var model = StructuredModelBuilder.TryBuild(body, walker, inputs.Budget.MaxBlocks, out notCovered);
        if (model is null)
            return false;
        models.Add(model);
        owners.Add((function, body));
        if (depth >= NestedFunctions.MaxDepth)
            return true;
        foreach (var inner in nested)
        {
            if (!TryStructured(inner.Body, inner.Symbol, false, inputs, models, owners, depth + 1, out notCovered))
                return false;
        }

        return true;
    }

    private static void AnalyzeGraph(ControlFlowGraph graph, IMethodSymbol? function, bool isRingWrapper, TranslationInputs inputs, ImmutableArray<ProtocolReport>.Builder reports, int depth)
    {
        inputs.CancellationToken.ThrowIfCancellationRequested();
        var captured = CapturedRoots.Collect(graph, inputs.CancellationToken);
        var walker = new EventWalker(inputs.Symbols, inputs.Configuration, function, isRingWrapper, captured, inputs.CancellationToken, inputs.HelperModels, inputs.MaxCallDepth);
        Report(new CfgModelBuilder(graph, walker, inputs.Budget.MaxBlocks).Build(), function, graph.OriginalOperation, inputs, reports);

        if (depth >= NestedFunctions.MaxDepth)
            return;
        foreach (var nested in NestedFunctions.Of(graph, inputs.CancellationToken))
            AnalyzeGraph(nested.Graph, nested.Symbol, false, inputs, reports, depth + 1);
    }

    private static void Report(FunctionModel model, IMethodSymbol? function, IOperation body, TranslationInputs inputs, ImmutableArray<ProtocolReport>.Builder reports)
    {
        if (!model.HasRing)
            return;
        if (model.Graph is null)
        {
            reports.Add(ProtocolReport.SkippedFunction(function, body, model.Reason));
            return;
        }

        model.Graph.HandsRetryToInvoker = function is { MethodKind: MethodKind.AnonymousFunction, ReturnsVoid: false, IsAsync: false };
        var checksCallers = inputs.HelperModels is not null && function is not null && HelperCalls.CanFollow(function);
        var hasCallers = (bool?)null;
        var calls = default(ImmutableArray<Location>);
        // Only the violations reported here are explained (their paths walked back): the filter runs before that.
        var result = ProtocolAnalysis.Run(model.Graph, inputs.Budget, inputs.CancellationToken, ReportedHere);
        if (!result.Completed)
        {
            reports.Add(ProtocolReport.SkippedFunction(function, body, result.Reason));
            return;
        }

        foreach (var violation in result.Violations)
        {
            var site = model.Sites[violation.Site];
            var aboutStatus = IsAboutStatus(violation.Rule);

            // A status a helper read after its ring and keeps is reported in its body, with its calls as further places.
            if (aboutStatus && calls.IsDefault && LeftToCallers(violation))
                calls = inputs.HelperModels!.CallsOf(function!, inputs.CancellationToken);
            reports.Add(new ProtocolReport(
                violation.Rule,
                site.Location,
                site.DoorbellText,
                violation.Detection,
                violation.LeaveAnchor >= 0 ? model.Anchors[violation.LeaveAnchor] : null,
                violation.BranchAnchor >= 0 ? model.Anchors[violation.BranchAnchor] : null,
                violation.Detection == Detection.Ring && violation.DetectedAtSite >= 0 && violation.DetectedAtSite != violation.Site ? model.Sites[violation.DetectedAtSite].Location : null,
                created: violation.CreatedAtSite >= 0 ? model.Sites[violation.CreatedAtSite].Location : null,
                calls: aboutStatus ? calls : default));
        }

        bool LeftToCallers(ProtocolViolation violation) =>
            checksCallers && violation.Key >= 0 && violation.Key < model.Keys.Count && HelperCalls.LeavesObligationsToCallers(function!, model.Keys[violation.Key])
            && (hasCallers ??= inputs.HelperModels!.HasCallers(function!, inputs.CancellationToken));

        bool ReportedHere(ProtocolViolation violation)
        {
            var site = model.Sites[violation.Site];
            var aboutStatus = IsAboutStatus(violation.Rule);

            // A helper's callers finish what it does to the doorbells they hand it: each call reports it, not its body;
            // but a status the helper read after its ring and keeps is its own to handle, and its body reports it.
            if (LeftToCallers(violation) && (!aboutStatus || !HelperCalls.KeepsStatus(function!)))
                return false;

            // A ring a helper's own body answers for is not reported again at its calls (a disconnected doorbell handed
            // over is the caller's doing: that one is; so is a status the helper hands back).
            if (site.ReportedByHelper && violation.Rule != ProtocolRule.RingBeforeConnect && !(aboutStatus && site.StatusHandedBack))
                return false;

            // A status read after a helper's ring by that same call, and kept by the helper: its body reports it.
            return !(aboutStatus && site.Inlining >= 0 && IsAnsweredByHelper(model, violation, site));
        }
    }

    private static bool IsAboutStatus(ProtocolRule rule) =>
        rule is ProtocolRule.DisconnectNotRetried or ProtocolRule.NotifyNotCalled or ProtocolRule.AbortTreatedAsSuccess;

    private static bool IsAnsweredByHelper(FunctionModel model, ProtocolViolation violation, RingSite site) =>
        violation.ReadId > 0 && ProtocolAnalysis.ReadEvent(model.Graph!, violation.ReadId) is { Site: >= 0 } read
        && read.Site < model.Sites.Count && model.Sites[read.Site].Inlining == site.Inlining;
}

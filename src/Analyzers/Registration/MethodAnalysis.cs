using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>The analysis of one method that rings: translate each body, run the flow analysis, report each rule.</summary>
internal static class MethodAnalysis
{
    /// <summary>
    /// Analyzes the code under <paramref name="root"/>, owned by <paramref name="owner"/>; with
    /// <paramref name="mayBeRingWrapper"/> false (the owner's name is no ring member's) the attribute lookup is skipped.
    /// </summary>
    public static void Run(IOperation root, ISymbol owner, Action<Diagnostic> report, TranslationInputs inputs, AnalysisSettings settings, bool mayBeRingWrapper = true)
    {
        if (!HasGraph(root))
            return;
        var reports = ImmutableArray.CreateBuilder<ProtocolReport>();
        try
        {
            var isRingWrapper = mayBeRingWrapper && IsRingWrapper(owner, inputs.Symbols, inputs.Configuration);
            var cancellationToken = inputs.CancellationToken;
            FunctionAnalysis.Analyze(root, () => GraphOf(root, cancellationToken), owner as IMethodSymbol, isRingWrapper, settings.ForceControlFlowGraph, inputs, reports, settings.Statistics);
        }
        catch (Exception e) when (AnalyzerFailures.Swallow(e))
        {
            // Silent for the method, never for the user: DBL900 says it was not checked and why.
            var where = owner.Locations.FirstOrDefault(l => l.IsInSource) ?? root.Syntax.GetLocation();
            report(Diagnostic.Create(Descriptors.AnalysisSkipped, where, FunctionNames.Of(owner),
                "the analysis failed (" + e.GetType().Name + "), a DoorbellGuard bug: please report it with this method"));
            return;
        }

        foreach (var found in reports)
        {
            if (found.Rule == ProtocolRule.AnalysisSkipped)
            {
                report(Diagnostic.Create(Descriptors.AnalysisSkipped, found.Location, found.DoorbellText, SkipReasons.Describe(found.Skipped, inputs.Budget)));
                continue;
            }

            var clause = PathExplanation.Clause(found);
            var descriptor = clause.Length == 0 ? DescriptorFor(found.Rule) : Descriptors.Explained(DescriptorFor(found.Rule), clause);
            report(Diagnostic.Create(descriptor, found.Location, PathExplanation.Locations(found), found.DoorbellText));
        }
    }

    internal static DiagnosticDescriptor DescriptorFor(ProtocolRule rule) => rule switch
    {
        ProtocolRule.RingWithoutStatusRead => Descriptors.RingWithoutStatusRead,
        ProtocolRule.DisconnectNotRetried => Descriptors.DisconnectNotRetried,
        ProtocolRule.NotifyNotCalled => Descriptors.NotifyNotCalled,
        ProtocolRule.AbortTreatedAsSuccess => Descriptors.AbortTreatedAsSuccess,
        ProtocolRule.RingBeforeConnect => Descriptors.RingBeforeConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "no descriptor for this rule"),
    };

    /// <summary>The control-flow graph of a root that has one (<see cref="HasGraph"/>), built only when the structured path declines.</summary>
    private static ControlFlowGraph GraphOf(IOperation root, CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        _ => ControlFlowGraph.Create((IBlockOperation)root, cancellationToken),
    };

    private static bool HasGraph(IOperation block) => block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
        or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    /// <summary>A ring wrapper's own body is not checked for its ring: its callers are.</summary>
    internal static bool IsRingWrapper(ISymbol owner, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        if (symbols.Classify(owner, configuration) == ProtocolOperation.Ring)
            return true;
        return owner is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } && symbols.Classify(property, configuration) == ProtocolOperation.Ring;
    }
}

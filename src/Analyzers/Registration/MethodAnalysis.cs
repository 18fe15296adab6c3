using System;
using System.Collections.Immutable;
using System.Linq;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>The analysis of one method that rings: translate each body, run the flow analysis, report each rule.</summary>
internal static class MethodAnalysis
{
    /// <summary>Analyzes the blocks of <paramref name="context"/>; with <paramref name="mayBeRingWrapper"/> false (the owner's name is no ring member's) the attribute lookup is skipped.</summary>
    public static void Run(OperationBlockAnalysisContext context, TranslationInputs inputs, AnalysisSettings settings, bool mayBeRingWrapper = true)
    {
        ImmutableArray<ProtocolReport> reports;
        try
        {
            reports = Analyze(context, inputs, settings, mayBeRingWrapper);
        }
        catch (Exception e) when (AnalyzerFailures.Swallow(e))
        {
            // Silent for the method, never for the user: DBL900 says it was not checked and why.
            var where = context.OwningSymbol.Locations.FirstOrDefault(l => l.IsInSource) ?? context.OperationBlocks[0].Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisSkipped, where, FunctionNames.Of(context.OwningSymbol),
                "the analysis failed (" + e.GetType().Name + "), a DoorbellGuard bug: please report it with this method"));
            return;
        }

        foreach (var report in reports)
        {
            if (report.Rule == ProtocolRule.AnalysisSkipped)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisSkipped, report.Location, report.DoorbellText, SkipReasons.Describe(report.Skipped, inputs.Budget)));
                continue;
            }

            var clause = PathExplanation.Clause(report);
            var descriptor = clause.Length == 0 ? DescriptorFor(report.Rule) : Descriptors.Explained(DescriptorFor(report.Rule), clause);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, report.Location, PathExplanation.Locations(report), report.DoorbellText));
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

    private static ImmutableArray<ProtocolReport> Analyze(OperationBlockAnalysisContext context, TranslationInputs inputs, AnalysisSettings settings, bool mayBeRingWrapper)
    {
        var reports = ImmutableArray.CreateBuilder<ProtocolReport>();
        var function = context.OwningSymbol as IMethodSymbol;
        var isRingWrapper = mayBeRingWrapper && IsRingWrapper(context.OwningSymbol, inputs.Symbols, inputs.Configuration);
        // The driver may hand out a body and its enclosing method body: one analysis per root. A method has a block or
        // two, so the roots analysed are kept in a small array rather than a set.
        var blocks = context.OperationBlocks;
        var analysed = new IOperation[blocks.Length];
        var analysedCount = 0;
        foreach (var block in blocks)
        {
            var root = block;
            while (root.Parent is not null)
                root = root.Parent;
            if (!HasGraph(root) || Array.IndexOf(analysed, root, 0, analysedCount) >= 0)
                continue;
            analysed[analysedCount++] = root;
            FunctionAnalysis.Analyze(root, () => context.GetControlFlowGraph(block), function, isRingWrapper, settings.ForceControlFlowGraph, inputs, reports, settings.Statistics);
        }

        return reports.ToImmutable();
    }

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

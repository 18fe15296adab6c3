using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Plumbing;

/// <summary>
/// The plumbing every rule analyzer shares: DoorbellGuard types resolved once per compilation (nothing registered
/// without them), ring candidates collected per operation block, and the flow analysis run once per method at block
/// end, only when the block rings. The five rule analyzers share one analysis per method through a per-compilation cache.
/// </summary>
internal static class ProtocolAnalyzerRegistration
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ISymbol, ImmutableArray<ProtocolReport>>> Results = new();

    public static void RegisterActions(AnalysisContext context, ProtocolRule rule, DiagnosticDescriptor descriptor)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = ProtocolSymbols.TryCreate(start.Compilation, start.Options);
            if (symbols is null)
                return;

            start.RegisterOperationBlockStartAction(blockStart =>
            {
                if (blockStart.OperationBlocks.IsEmpty)
                    return;
                var configuration = ProtocolConfiguration.For(blockStart.Options, blockStart.OperationBlocks[0].Syntax.SyntaxTree, blockStart.Compilation);
                var candidates = new RingCandidates(symbols, configuration);
                blockStart.RegisterOperationAction(candidates.OnInvocation, OperationKind.Invocation);
                blockStart.RegisterOperationAction(candidates.OnPropertyReference, OperationKind.PropertyReference);
                blockStart.RegisterOperationBlockEndAction(end =>
                {
                    if (!candidates.Found)
                        return;
                    foreach (var report in ReportsFor(end, symbols, configuration))
                    {
                        if (report.Rule == rule)
                            end.ReportDiagnostic(Diagnostic.Create(descriptor, report.Location, report.DoorbellText));
                    }
                });
            });
        });
    }

    private static ImmutableArray<ProtocolReport> ReportsFor(OperationBlockAnalysisContext context, ProtocolSymbols symbols, ProtocolConfiguration configuration)
    {
        var perCompilation = Results.GetValue(context.Compilation, _ => new ConcurrentDictionary<ISymbol, ImmutableArray<ProtocolReport>>(SymbolEqualityComparer.Default));
        if (perCompilation.TryGetValue(context.OwningSymbol, out var cached))
            return cached;
        var reports = Analyze(context, symbols, configuration);
        return perCompilation.GetOrAdd(context.OwningSymbol, reports);
    }

    private static ImmutableArray<ProtocolReport> Analyze(OperationBlockAnalysisContext context, ProtocolSymbols symbols, ProtocolConfiguration configuration)
    {
        try
        {
            var reports = ImmutableArray.CreateBuilder<ProtocolReport>();
            var function = context.OwningSymbol as IMethodSymbol;
            var isRingWrapper = IsRingWrapper(context.OwningSymbol, symbols, configuration);
            var seen = new HashSet<IOperation>();
            foreach (var block in context.OperationBlocks)
            {
                // The driver may hand out a body and its enclosing method body: one graph per root.
                var root = block;
                while (root.Parent is not null)
                    root = root.Parent;
                if (!HasGraph(root) || !seen.Add(root))
                    continue;

                // A branch-free body has one path: read its events in order, without building the graph.
                if (StraightLineBody.TryGetStatements(root, out var statements))
                {
                    FunctionAnalysis.AnalyzeStraightLine(statements, function, isRingWrapper, symbols, configuration, ProtocolBudget.Default, reports, context.CancellationToken);
                    continue;
                }

                var graph = context.GetControlFlowGraph(block);
                FunctionAnalysis.Analyze(graph, function, isRingWrapper, symbols, configuration, ProtocolBudget.Default, reports, context.CancellationToken);
            }

            return reports.ToImmutable();
        }
        catch (Exception e) when (AnalyzerFailures.Swallow(e))
        {
            return ImmutableArray<ProtocolReport>.Empty;
        }
    }

    private static bool HasGraph(IOperation block) => block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
        or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    /// <summary>A ring wrapper's own body is not checked for its ring: its callers are.</summary>
    private static bool IsRingWrapper(ISymbol owner, ProtocolSymbols symbols, ProtocolConfiguration configuration)
    {
        if (symbols.Classify(owner, configuration) == ProtocolOperation.Ring)
            return true;
        return owner is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } && symbols.Classify(property, configuration) == ProtocolOperation.Ring;
    }

    /// <summary>Cheap pass over a block: does anything in it ring? Only then is the graph built.</summary>
    private sealed class RingCandidates
    {
        private readonly ProtocolSymbols _symbols;
        private readonly ProtocolConfiguration _configuration;
        private volatile bool _found;

        public RingCandidates(ProtocolSymbols symbols, ProtocolConfiguration configuration)
        {
            _symbols = symbols;
            _configuration = configuration;
        }

        public bool Found => _found;

        public void OnInvocation(OperationAnalysisContext context)
        {
            if (!_found && context.Operation is IInvocationOperation invocation && _symbols.Classify(invocation.TargetMethod, _configuration) == ProtocolOperation.Ring)
                _found = true;
        }

        public void OnPropertyReference(OperationAnalysisContext context)
        {
            if (!_found && context.Operation is IPropertyReferenceOperation property && _symbols.Classify(property.Property, _configuration) == ProtocolOperation.Ring)
                _found = true;
        }
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>
/// The cost to beat (ANALYSIS.md, "Cost"): build and walk the control-flow graph of every method body that
/// calls a method named Ring, and do nothing else. Run with --reference to put DoorbellGuard's figures
/// next to this naive baseline. Reports nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReferenceCfgAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "REF001", "Reference analyzer", "never reported", "Performance", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    private int _graphs;
    private int _blocks;

    /// <summary>How many graphs and basic blocks were built, to show the baseline did its work.</summary>
    public (int Graphs, int Blocks) Built => (_graphs, _blocks);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationBlockStartAction(start =>
        {
            bool ringSeen = false;
            start.RegisterOperationAction(
                operation =>
                {
                    if (((IInvocationOperation)operation.Operation).TargetMethod.Name == "Ring")
                    {
                        ringSeen = true;
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationBlockEndAction(end =>
            {
                if (!ringSeen)
                {
                    return;
                }
                foreach (var block in end.OperationBlocks)
                {
                    // Method bodies come as the body's IBlockOperation; attributes and initializers are skipped.
                    if (block is IBlockOperation && end.GetControlFlowGraph(block) is { } graph)
                    {
                        System.Threading.Interlocked.Increment(ref _graphs);
                        System.Threading.Interlocked.Add(ref _blocks, graph.Blocks.Length);
                        // Walk every operation once, as the cheapest possible flow analysis would.
                        foreach (var basicBlock in graph.Blocks)
                        {
                            foreach (var operation in basicBlock.Operations)
                            {
                                _ = operation.Kind;
                            }
                        }
                    }
                }
            });
        });
    }
}

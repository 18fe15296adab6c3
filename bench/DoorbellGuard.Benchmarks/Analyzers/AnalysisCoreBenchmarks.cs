using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Registration;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// The analyzer's core on one submission method, without the driver: building the method's control-flow graph (what
/// the driver does, and caches, when the analyzer asks for it), the protocol analysis on a graph built beforehand
/// (translation to the protocol model plus the fixpoint), and the default path that needs no graph at all.
/// </summary>
[MemoryDiagnoser]
public class AnalysisCoreBenchmarks
{
    private CompiledSubmission _submission = null!;
    private ControlFlowGraph _graph = null!;
    private ProtocolSymbols _symbols = null!;
    private readonly ImmutableArray<ProtocolReport>.Builder _reports = ImmutableArray.CreateBuilder<ProtocolReport>();

    [ParamsSource(nameof(Submissions))]
    public SubmissionMethod Submission { get; set; } = SubmissionMethod.Typical;

    public static IEnumerable<SubmissionMethod> Submissions => SubmissionMethod.All;

    [GlobalSetup]
    public void Setup()
    {
        _submission = Submission.Compile();
        _graph = ControlFlowGraph.Create(_submission.Body);
        _symbols = ProtocolSymbols.TryCreate(_submission.Compilation) ?? throw new InvalidOperationException("DoorbellGuard types not found in the benchmark compilation.");

        Console.WriteLine($"// {Submission}: {_graph.Blocks.Length:N0} blocks in the control-flow graph");
        AnalyzeGraph();
        var found = string.Join(", ", _reports.Select(r => $"{MethodAnalysis.DescriptorFor(r.Rule).Id} at line {r.Location.GetLineSpan().StartLinePosition.Line + 1}"));
        Submission.CheckAnswer(_submission.ExpectedDiagnostics, found, "protocol analysis on the graph", failuresSwallowed: 0);
    }

    [Benchmark(Baseline = true, Description = "build the method's ControlFlowGraph")]
    public int BuildGraph() => ControlFlowGraph.Create(_submission.Body).Blocks.Length;

    [Benchmark(Description = "protocol analysis on the built graph")]
    public int AnalyzeGraph()
    {
        _reports.Clear();
        FunctionAnalysis.AnalyzeGraph(_graph, _submission.Symbol, isRingWrapper: false, Inputs(), _reports);
        return _reports.Count;
    }

    [Benchmark(Description = "protocol analysis from the operation tree (the default path)")]
    public int AnalyzeStructured()
    {
        _reports.Clear();
        FunctionAnalysis.Analyze(_submission.Body, () => _graph, _submission.Symbol, isRingWrapper: false, forceGraph: false, Inputs(), _reports);
        return _reports.Count;
    }

    private TranslationInputs Inputs() => new(_symbols, WrapperConfiguration.Empty, ProtocolBudget.Default, CancellationToken.None);
}

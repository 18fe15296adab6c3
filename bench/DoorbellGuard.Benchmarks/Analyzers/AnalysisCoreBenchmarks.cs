using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// The analyzer's core on one typical submission method, without the driver: building the method's
/// control-flow graph (what the driver does, and caches, when the analyzer asks for it), and the protocol
/// analysis itself on a graph built beforehand (translation to the protocol model plus the fixpoint).
/// </summary>
[MemoryDiagnoser]
public class AnalysisCoreBenchmarks
{
    private IMethodBodyOperation _body = null!;
    private ControlFlowGraph _graph = null!;
    private IMethodSymbol _method = null!;
    private ProtocolSymbols _symbols = null!;
    private readonly ImmutableArray<ProtocolReport>.Builder _reports = ImmutableArray.CreateBuilder<ProtocolReport>();

    [GlobalSetup]
    public void Setup()
    {
        var tree = CSharpSyntaxTree.ParseText(PerMethodAnalysisBenchmarks.TypicalSubmission, new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create(
            "Core",
            new[] { tree },
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Submit");
        _body = (IMethodBodyOperation)model.GetOperation(declaration)!;
        _method = model.GetDeclaredSymbol(declaration)!;
        _graph = ControlFlowGraph.Create(_body);
        _symbols = ProtocolSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("DoorbellGuard types not found in the benchmark compilation.");

        // The method is compliant: the analysis must run to its end and report nothing.
        if (AnalyzeGraph() != 0)
        {
            throw new InvalidOperationException("The typical submission method should be clean, but the analysis reported on it.");
        }
    }

    [Benchmark(Baseline = true, Description = "build the method's ControlFlowGraph")]
    public int BuildGraph() => ControlFlowGraph.Create(_body).Blocks.Length;

    [Benchmark(Description = "protocol analysis on the built graph")]
    public int AnalyzeGraph()
    {
        _reports.Clear();
        FunctionAnalysis.AnalyzeGraph(_graph, _method, isRingWrapper: false, new TranslationInputs(_symbols, WrapperConfiguration.Empty, ProtocolBudget.Default, CancellationToken.None), _reports);
        return _reports.Count;
    }
}

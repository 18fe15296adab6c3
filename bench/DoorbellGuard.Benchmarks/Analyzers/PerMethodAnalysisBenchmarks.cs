using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Analyzers;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// IDE latency: the analysis of one submission method through the analyzer driver, asked as the IDE asks for a
/// document's semantic diagnostics (<c>GetAnalyzerSemanticDiagnosticsAsync</c> on the method's tree), for the typical
/// method and for methods whose control-flow graph has about 300 and 3,000 blocks. Each invocation works on a fresh clone
/// of the compilation (it shares the imported references, no binding), so binding the method is part of every figure;
/// the baseline makes the same call with an analyzer that registers what DoorbellGuard registers and does nothing
/// (<see cref="EmptySemanticModelAnalyzer"/>; before issue #18, <see cref="EmptyOperationBlockAnalyzer"/>), so the difference is DoorbellGuard's
/// own work, its share of the driver's callbacks included.
/// </summary>
[MemoryDiagnoser]
public class PerMethodAnalysisBenchmarks
{
    private CompiledSubmission _submission = null!;
    private CompilationWithAnalyzersOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _emptyAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> _doorbellGuard;
    private ImmutableArray<DiagnosticAnalyzer> _doorbellGuardGraphForced;

    [ParamsSource(nameof(Submissions))]
    public SubmissionMethod Submission { get; set; } = SubmissionMethod.Typical;

    public static IEnumerable<SubmissionMethod> Submissions => SubmissionMethod.All;

    [GlobalSetup]
    public void Setup()
    {
        _submission = Submission.Compile();
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        _emptyAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySemanticModelAnalyzer());
        _doorbellGuard = ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer());
        _doorbellGuardGraphForced = ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer(AnalysisSettings.GraphOnly));

        var failuresBefore = AnalyzerFailures.Count;
        var found = Describe(AnalyzeAsync(_doorbellGuard).GetAwaiter().GetResult());
        var foundOnGraph = Describe(AnalyzeAsync(_doorbellGuardGraphForced).GetAwaiter().GetResult());
        var expected = _submission.ExpectedDiagnostics;
        Console.WriteLine($"// {Submission}: {_submission.BlockCount:N0} blocks in the control-flow graph, {_submission.MethodLines:N0} lines; DoorbellGuard reports [{found}], graph forced [{foundOnGraph}], expected [{expected}]");
        Submission.CheckAnswer(expected, found, "default path", AnalyzerFailures.Count - failuresBefore);
        Submission.CheckAnswer(expected, foundOnGraph, "graph forced", AnalyzerFailures.Count - failuresBefore);
    }

    [Benchmark(Baseline = true, Description = "driver + an analyzer doing nothing per tree")]
    public Task<ImmutableArray<Diagnostic>> WithEmptyAnalyzer() => AnalyzeAsync(_emptyAnalyzer);

    [Benchmark(Description = "driver + DoorbellGuard")]
    public Task<ImmutableArray<Diagnostic>> WithDoorbellGuard() => AnalyzeAsync(_doorbellGuard);

    [Benchmark(Description = "driver + DoorbellGuard, control-flow graph forced")]
    public Task<ImmutableArray<Diagnostic>> WithDoorbellGuardGraphForced() => AnalyzeAsync(_doorbellGuardGraphForced);

    [Benchmark(Description = "compiler diagnostics of the tree, no analyzer")]
    public int CompilerOnly()
    {
        var compilation = _submission.Compilation.Clone();
        return compilation.GetSemanticModel(_submission.Tree).GetDiagnostics().Length;
    }

    private Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = _submission.Compilation.Clone().WithAnalyzers(analyzers, _options);
        var model = withAnalyzers.Compilation.GetSemanticModel(_submission.Tree);
        return withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
    }

    /// <summary>"DBL001 at line 4012": the DoorbellGuard diagnostics, in the form <see cref="CompiledSubmission.ExpectedDiagnostics"/> uses.</summary>
    private static string Describe(ImmutableArray<Diagnostic> diagnostics) => string.Join(", ", diagnostics
        .Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal))
        .OrderBy(d => d.Location.SourceSpan.Start)
        .Select(d => $"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}"));
}

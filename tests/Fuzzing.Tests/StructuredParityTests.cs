using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Registration;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>
/// The syntax-directed path decides exactly what Roslyn's control-flow graph decides: every analyzer and code-fix test
/// source, the valid-code corpus, the fuzzer's seeds and a seeded sample of their mutations give the same diagnostics
/// (ID, place, message) with the structured builder on and with every body forced through the graph. The explanation
/// of the path (the clause after the message, the additional locations) is left out of the comparison: the two builders
/// lay out blocks differently, so where several paths commit the same violation they may name different ones.
/// </summary>
public sealed class StructuredParityTests
{
    private const int MutatedInputs = 400;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private readonly ITestOutputHelper _output;

    public StructuredParityTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_test_source_and_corpus_file_gets_the_same_diagnostics_on_both_paths()
    {
        var statistics = new TranslationStatistics();
        var reported = 0;
        foreach (var seed in TestSourceCorpus.Load())
            reported += await AssertSameAsync(seed.Origin, seed.Text, ImmutableDictionary<string, string>.Empty, statistics);

        Report(statistics, reported);
        Assert.True(reported > 100, $"only {reported} diagnostics: the parity corpus must exercise reports, not only silence");
        // The point of the structured path: the graph is the exception, not the rule.
        Assert.True(statistics.Structured >= 9 * statistics.Graph, $"{statistics.Structured} bodies structured, {statistics.Graph} through the graph");
    }

    [Fact]
    public async Task Mutated_inputs_get_the_same_diagnostics_on_both_paths()
    {
        var statistics = new TranslationStatistics();
        var reported = 0;
        var seeds = TestSourceCorpus.Load();
        foreach (var input in FuzzPlan.Inputs(seeds, seeds.Count + MutatedInputs, FuzzPlan.SeedFromEnvironment()).Skip(seeds.Count))
            reported += await AssertSameAsync(input.Description, input.Text, input.Options, statistics);
        Report(statistics, reported);
    }

    private static async Task<int> AssertSameAsync(string origin, string text, ImmutableDictionary<string, string> options, TranslationStatistics statistics)
    {
        var compilation = Compile(text);
        var structured = await RunAsync(compilation, options, new AnalysisSettings(ProtocolBudget.Default, forceControlFlowGraph: false, statistics));
        var graph = await RunAsync(compilation, options, AnalysisSettings.GraphOnly);
        if (!structured.SequenceEqual(graph))
        {
            Assert.Fail($"{origin}: the structured path and the graph disagree.\n structured only:\n  {string.Join("\n  ", structured.Except(graph))}\n graph only:\n  {string.Join("\n  ", graph.Except(structured))}\n--- source ---\n{text}");
        }

        return structured.Length;
    }

    private static async Task<string[]> RunAsync(Compilation compilation, ImmutableDictionary<string, string> options, AnalysisSettings settings)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer(settings));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            FuzzOptions.ToAnalyzerOptions(options), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Span} {WithoutExplanation(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))}")
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
    }

    private static string WithoutExplanation(string message)
    {
        var clause = message.LastIndexOf(" (", StringComparison.Ordinal);
        return clause > 0 && message.EndsWith(")", StringComparison.Ordinal) ? message.Substring(0, clause) : message;
    }

    private static Compilation Compile(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions);
        var outputKind = tree.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create("Parity", new[] { tree }, FuzzTarget.References,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    private void Report(TranslationStatistics statistics, int reported)
    {
        _output.WriteLine($"{reported} diagnostics; bodies that ring: {statistics.Structured} structured, {statistics.Graph} through the graph");
        foreach (var (construct, count) in statistics.NotCovered.OrderByDescending(p => p.Value))
            _output.WriteLine($"  graph for {count} bodies: {construct}");
    }
}

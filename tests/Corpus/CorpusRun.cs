using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Corpus.Measuring;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>What the analyzer reported on one case, beside what the case expects.</summary>
public sealed record CaseOutcome(
    CorpusCase Case,
    ImmutableArray<Finding> Reported,
    ImmutableArray<Diagnostic> CompileErrors,
    ImmutableArray<string> Failures,
    SyntaxTree Tree)
{
    public string? PendingReason => PendingFeatures.Reason(Case.Category, Case.Name);

    public FindingMismatch Mismatch => new FindingTally().Add(Case.Source.Expected, Reported);

    /// <summary>"line 12 DBL001" for a finding of this case, for people reading the output.</summary>
    public string Describe(Finding finding)
    {
        var line = Tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(finding.Start, finding.Length)).StartLinePosition.Line + 1;
        var text = Case.Source.Text.Substring(finding.Start, Math.Min(finding.Length, 60));
        return $"{finding.Id} line {line} '{text}'";
    }
}

/// <summary>Runs every case of the corpus through the analyzer once, for all the tests of the class.</summary>
public sealed class CorpusRun : IAsyncLifetime
{
    public ImmutableArray<CaseOutcome> Outcomes { get; private set; }

    public async Task InitializeAsync()
    {
        var root = CorpusCases.FindRepositoryRoot(AppContext.BaseDirectory);
        var cases = CorpusCases.Load(CorpusCases.Folder(root));
        var outcomes = ImmutableArray.CreateBuilder<CaseOutcome>(cases.Length);
        foreach (var corpusCase in cases)
            outcomes.Add(await RunAsync(corpusCase));
        Outcomes = outcomes.MoveToImmutable();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<CaseOutcome> RunAsync(CorpusCase corpusCase)
    {
        var tree = CaseCompiler.Parse(corpusCase.Source.Text, corpusCase.Name + ".cs");
        var compilation = await CaseCompiler.CompileAsync(corpusCase.Name.Replace('/', '.'), ImmutableArray.Create(tree), withRuntime: !corpusCase.AnalyzerOnly);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var result = await ProtocolAnalyzerRun.RunAsync(compilation, CancellationToken.None);
        return new CaseOutcome(corpusCase, result.Findings.Select(f => f.Finding).ToImmutableArray(), errors, result.Failures, tree);
    }
}

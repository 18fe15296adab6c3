using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Corpus.Measuring;

/// <summary>What the analyzer said about one compilation.</summary>
/// <param name="Findings">Every DBL diagnostic, as (ID, span) in the tree it was reported in.</param>
/// <param name="Diagnostics">The same diagnostics, for messages and line numbers.</param>
/// <param name="Failures">AD0001 diagnostics and exceptions: each one is a bug in the analyzer.</param>
public sealed record ProtocolAnalyzerResult(
    ImmutableArray<(SyntaxTree Tree, Finding Finding)> Findings,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<string> Failures);

/// <summary>
/// Runs <see cref="DoorbellProtocolAnalyzer"/> over a compilation with failures made visible: the analyzer
/// swallows its own exceptions in a build (<c>AnalyzerFailures</c>); here they must surface as AD0001, so the
/// internal switch is set by reflection (this assembly is no friend of the analyzer's) and the failure counter is
/// read as well, in case an exception is swallowed anyway.
/// </summary>
public static class ProtocolAnalyzerRun
{
    private const string FailuresTypeName = "DoorbellGuard.Analyzers.Registration.AnalyzerFailures";

    private static readonly Type s_failures = typeof(DoorbellProtocolAnalyzer).Assembly.GetType(FailuresTypeName, throwOnError: true)!;

    static ProtocolAnalyzerRun() =>
        s_failures.GetProperty("Rethrow", BindingFlags.Public | BindingFlags.Static)!.SetValue(null, true);

    /// <summary>How many method analyses failed in this process so far (the analyzer's own count).</summary>
    public static int SwallowedFailureCount => (int)s_failures.GetProperty("Count", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    public static async Task<ProtocolAnalyzerResult> RunAsync(Compilation compilation, CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, _, _) => exceptions.Enqueue(e.GetType().Name + ": " + e.Message + Environment.NewLine + e.StackTrace),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var before = SwallowedFailureCount;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(cancellationToken);

        var failures = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToList();
        var swallowed = SwallowedFailureCount - before;
        if (swallowed > 0)
            failures.Add($"{swallowed} analysis failure(s) counted by AnalyzerFailures");

        var protocol = diagnostics.Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal) && d.Location.IsInSource).ToImmutableArray();
        var findings = protocol
            .Select(d => (d.Location.SourceTree!, new Finding(d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)))
            .ToImmutableArray();
        return new ProtocolAnalyzerResult(findings, protocol, failures.ToImmutableArray());
    }
}

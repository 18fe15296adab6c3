using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Benchmarks.Analyzers;

// A measuring instrument run in memory, never shipped or loaded by a compiler: the analyzer-packaging rules do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>
/// Registers what DoorbellProtocolAnalyzer registered before issue #18 (a compilation-start action, then an operation-block action) and
/// does nothing in it: the driver's own cost for an analyzer of that shape (binding, operation trees, callbacks), which
/// the per-method benchmarks subtracted; now the baseline of a plain driver run in <see cref="IdeSpanBenchmarks"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationBlockAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH001", "Empty analyzer", "never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterOperationBlockAction(_ => { }));
    }
}

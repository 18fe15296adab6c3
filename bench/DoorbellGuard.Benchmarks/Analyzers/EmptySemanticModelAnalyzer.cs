using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Benchmarks.Analyzers;

// A measuring instrument run in memory, never shipped or loaded by a compiler: the analyzer-packaging rules do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>
/// Registers what DoorbellProtocolAnalyzer registers since issue #18 (a compilation-start action, then a semantic-model
/// action, once per tree) and does nothing in it: the driver's own cost for an analyzer of that shape (binding the
/// requested span, the callback), which the driver benchmarks subtract to leave DoorbellGuard's own work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptySemanticModelAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH002", "Empty analyzer", "never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(_ => { }));
    }
}

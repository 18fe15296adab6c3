using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>
/// The doorbell protocol rules, DBL001-DBL005, from one flow analysis per method; DBL006 (a doorbell written with an
/// ordinary store) from a check of the bodies that can hold a doorbell store; and what the analysis says about itself
/// (DBL900: a method it did not finish; DBL901: an option that names nothing). One analyzer owns every descriptor, so
/// the per-method work (the text index, the per-tree facts) runs once, whatever the number of rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoorbellProtocolAnalyzer : DiagnosticAnalyzer
{
    private readonly AnalysisSettings _settings;

    /// <summary>Creates the analyzer.</summary>
    public DoorbellProtocolAnalyzer()
        : this(AnalysisSettings.Default)
    {
    }

    /// <summary>For tests and benchmarks: the same analyzer with other settings (such as forcing the control-flow graph).</summary>
    internal DoorbellProtocolAnalyzer(AnalysisSettings settings) => _settings = settings;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is skipped by our own per-tree check (GeneratedCode): the driver's check walks every tree a
        // diagnostic is reported in, which cost more than the whole analysis of a typical file.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = ProtocolSymbols.TryCreate(start.Compilation, start.Options);
            if (symbols is null)
                return;
            var compilation = new CompilationAnalysis(symbols, start.Options, _settings);
            start.RegisterSemanticModelAction(compilation.AnalyzeTree);
            start.RegisterCompilationEndAction(compilation.ReportOptionsThatNameNothing);
        });
    }
}

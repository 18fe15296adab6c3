using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Plumbing;

/// <summary>
/// What every rule analyzer does: one descriptor, concurrent, no generated code, and the shared protocol
/// registration filtered to its own rule. The rule files keep only their identity.
/// </summary>
public abstract class ProtocolRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly ProtocolRule _rule;
    private readonly DiagnosticDescriptor _descriptor;

    private protected ProtocolRuleAnalyzer(ProtocolRule rule, DiagnosticDescriptor descriptor)
    {
        _rule = rule;
        _descriptor = descriptor;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ProtocolAnalyzerRegistration.RegisterActions(context, _rule, _descriptor);
    }
}

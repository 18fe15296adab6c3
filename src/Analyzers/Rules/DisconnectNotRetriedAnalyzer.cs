using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL002: a status that may be DisconnectedRetry is not followed by Connect and another ring.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisconnectNotRetriedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DisconnectNotRetried);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ProtocolAnalyzerRegistration.RegisterActions(context, ProtocolRule.DisconnectNotRetried, Descriptors.DisconnectNotRetried);
    }
}

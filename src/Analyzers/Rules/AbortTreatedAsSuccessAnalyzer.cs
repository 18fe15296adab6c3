using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL004: a status that may be DisconnectedAbort reaches the end or another ring without any branch that separates it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AbortTreatedAsSuccessAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AbortTreatedAsSuccess);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ProtocolAnalyzerRegistration.RegisterActions(context, ProtocolRule.AbortTreatedAsSuccess, Descriptors.AbortTreatedAsSuccess);
    }
}

using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL003: a status that may be ConnectedNotify is not followed by NotifyWorkSubmission.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotifyNotCalledAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NotifyNotCalled);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ProtocolAnalyzerRegistration.RegisterActions(context, ProtocolRule.NotifyNotCalled, Descriptors.NotifyNotCalled);
    }
}

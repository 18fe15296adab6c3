using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL005: a doorbell created in the method is rung before Connect on some path.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RingBeforeConnectAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RingBeforeConnect);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ProtocolAnalyzerRegistration.RegisterActions(context, ProtocolRule.RingBeforeConnect, Descriptors.RingBeforeConnect);
    }
}

using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL001: a ring with no status read after it on some normal path to the end of the method.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RingWithoutStatusReadAnalyzer : ProtocolRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public RingWithoutStatusReadAnalyzer()
        : base(ProtocolRule.RingWithoutStatusRead, Descriptors.RingWithoutStatusRead)
    {
    }
}

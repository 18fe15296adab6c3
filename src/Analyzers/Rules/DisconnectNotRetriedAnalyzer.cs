using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL002: a status that may be DisconnectedRetry is not followed by Connect and another ring.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisconnectNotRetriedAnalyzer : ProtocolRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DisconnectNotRetriedAnalyzer()
        : base(ProtocolRule.DisconnectNotRetried, Descriptors.DisconnectNotRetried)
    {
    }
}

using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL005: a doorbell created in the method is rung before Connect on some path.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RingBeforeConnectAnalyzer : ProtocolRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public RingBeforeConnectAnalyzer()
        : base(ProtocolRule.RingBeforeConnect, Descriptors.RingBeforeConnect)
    {
    }
}

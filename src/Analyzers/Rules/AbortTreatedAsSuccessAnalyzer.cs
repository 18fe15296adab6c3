using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL004: a status that may be DisconnectedAbort reaches the end or another ring without any branch that separates it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AbortTreatedAsSuccessAnalyzer : ProtocolRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public AbortTreatedAsSuccessAnalyzer()
        : base(ProtocolRule.AbortTreatedAsSuccess, Descriptors.AbortTreatedAsSuccess)
    {
    }
}

using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers;

/// <summary>DBL003: a status that may be ConnectedNotify is not followed by NotifyWorkSubmission.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotifyNotCalledAnalyzer : ProtocolRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public NotifyNotCalledAnalyzer()
        : base(ProtocolRule.NotifyNotCalled, Descriptors.NotifyNotCalled)
    {
    }
}

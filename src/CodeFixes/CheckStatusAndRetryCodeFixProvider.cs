using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// DBL001-DBL004: "Check doorbell status and retry on disconnect". Puts the ring into the documented loop
/// (read the status, reconnect and ring again on DisconnectedRetry), then throws on DisconnectedAbort and
/// notifies on ConnectedNotify, reusing the status handling the code already has.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckStatusAndRetryCodeFixProvider)), Shared]
public sealed class CheckStatusAndRetryCodeFixProvider : DoorbellCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => RingRules;

    /// <inheritdoc />
    public override string Title => "Check doorbell status and retry on disconnect";

    /// <inheritdoc />
    public override string EquivalenceKey => "DoorbellGuard.CheckStatusAndRetry";

    internal override FixUnavailableReason? Unavailable(RingSite site) =>
        RetryPatternRewrite.Unavailable(site);

    internal override SyntaxNode? Rewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator) =>
        RetryPatternRewrite.TryRewrite(root, site, generator);
}

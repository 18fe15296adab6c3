using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// DBL001-DBL004: "Use RingAndConfirm". Replaces the ring, and the status handling after it that
/// RingAndConfirm makes redundant, with <c>d.RingAndConfirm(value)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseRingAndConfirmCodeFixProvider)), Shared]
public sealed class UseRingAndConfirmCodeFixProvider : DoorbellCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => RingRules;

    /// <inheritdoc />
    public override string Title => "Use RingAndConfirm";

    /// <inheritdoc />
    public override string EquivalenceKey => "DoorbellGuard.UseRingAndConfirm";

    internal override FixUnavailableReason? Unavailable(RingSite site) =>
        RingAndConfirmRewrite.Unavailable(site);

    internal override SyntaxNode? Rewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator) =>
        RingAndConfirmRewrite.TryRewrite(root, site);
}

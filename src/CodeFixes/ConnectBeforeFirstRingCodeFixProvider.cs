using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace DoorbellGuard.CodeFixes;

/// <summary>DBL005: "Connect before the first ring". Inserts <c>d.Connect();</c> right after the doorbell is created.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectBeforeFirstRingCodeFixProvider)), Shared]
public sealed class ConnectBeforeFirstRingCodeFixProvider : DoorbellCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(Analyzers.DiagnosticIds.RingBeforeConnect);

    /// <inheritdoc />
    public override string Title => "Connect before the first ring";

    /// <inheritdoc />
    public override string EquivalenceKey => "DoorbellGuard.ConnectBeforeFirstRing";

    internal override FixUnavailableReason? Unavailable(RingSite site) =>
        ConnectBeforeRingRewrite.Unavailable(site);

    internal override SyntaxNode? Rewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator) =>
        ConnectBeforeRingRewrite.TryRewrite(root, site, generator);
}

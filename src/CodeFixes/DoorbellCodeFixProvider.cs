using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// What the three DoorbellGuard fixes share: they act on a flagged ring, offer their action only when it applies
/// (a cheap check: the ring's shape and the user's vocabulary, never the rewrite itself), compute the new document
/// only when the action is applied, and fix all occurrences with <see cref="RingFixAllProvider"/>.
/// </summary>
public abstract class DoorbellCodeFixProvider : CodeFixProvider
{
    private protected DoorbellCodeFixProvider()
    {
    }

    /// <summary>The title of the code action.</summary>
    public abstract string Title { get; }

    /// <summary>The equivalence key: one per action, so Fix All applies this action and no other.</summary>
    public abstract string EquivalenceKey { get; }

    internal static ImmutableArray<string> RingRules { get; } = ImmutableArray.Create(
        Analyzers.DiagnosticIds.RingWithoutStatusRead,
        Analyzers.DiagnosticIds.DisconnectNotRetried,
        Analyzers.DiagnosticIds.NotifyNotCalled,
        Analyzers.DiagnosticIds.AbortTreatedAsSuccess);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => new RingFixAllProvider(this);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var protocol = await ProtocolContext.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        if (protocol is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var site = RingSite.TryCreate(protocol.Root, diagnostic.Location.SourceSpan, protocol);
            if (site is null || Unavailable(site) is not null)
            {
                continue;
            }

            // Several rules may flag the same ring: one action fixes them all. The rewrite runs when it is applied.
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => FixRingAtAsync(document, span, cancellationToken), EquivalenceKey),
                context.Diagnostics);
            return;
        }
    }

    /// <summary>Why this action is not offered at <paramref name="site"/>, or null when it is. Cheap: no rewrite.</summary>
    internal abstract FixUnavailableReason? Unavailable(RingSite site);

    /// <summary>The root with the ring rewritten, or null when this action does not apply to it.</summary>
    internal abstract SyntaxNode? Rewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator);

    /// <summary>Fix All: the ring marked with <paramref name="ring"/>, found again in the document an earlier fix produced.</summary>
    internal async Task<Document> FixRingAsync(Document document, SyntaxAnnotation ring, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        foreach (var node in root.GetAnnotatedNodes(ring))
        {
            return node is ExpressionSyntax expression ? await FixAsync(document, _ => expression, cancellationToken).ConfigureAwait(false) : document;
        }

        // The ring is gone: an earlier fix in the same pass folded it away.
        return document;
    }

    private Task<Document> FixRingAtAsync(Document document, TextSpan span, CancellationToken cancellationToken) =>
        FixAsync(document, root => RingSite.FindRingNode(root, span), cancellationToken);

    private async Task<Document> FixAsync(Document document, System.Func<SyntaxNode, ExpressionSyntax?> findRing, CancellationToken cancellationToken)
    {
        var protocol = await ProtocolContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var node = protocol is null ? null : findRing(protocol.Root);
        var site = node is null ? null : RingSite.TryCreate(node, protocol!);
        var fixedRoot = site is null ? null : Rewrite(protocol!.Root, site, SyntaxGenerator.GetGenerator(document));
        return fixedRoot is null ? document : document.WithSyntaxRoot(fixedRoot);
    }
}

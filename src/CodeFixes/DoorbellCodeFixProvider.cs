using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// What the three DoorbellGuard fixes share: they act on a flagged ring, offer their action only when
/// the rewrite applies, and fix all occurrences with <see cref="RingFixAllProvider"/>.
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

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => new RingFixAllProvider(this);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var site = RingSite.TryCreate(root, diagnostic.Location.SourceSpan, model);
            var fixedRoot = site is null ? null : Rewrite(root, site, SyntaxGenerator.GetGenerator(document));
            if (fixedRoot is null)
            {
                continue;
            }

            // Several rules may flag the same ring: one action fixes them all.
            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(fixedRoot)), EquivalenceKey),
                context.Diagnostics);
            return;
        }
    }

    /// <summary>The root with the ring rewritten, or null when this action does not apply to it.</summary>
    internal abstract SyntaxNode? Rewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator);

    internal async Task<Document> FixRingAsync(Document document, SyntaxAnnotation ring, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        foreach (var node in root.GetAnnotatedNodes(ring))
        {
            if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var site = model is null ? null : RingSite.TryCreate(invocation, model);
            var fixedRoot = site is null ? null : Rewrite(root, site, SyntaxGenerator.GetGenerator(document));
            return fixedRoot is null ? document : document.WithSyntaxRoot(fixedRoot);
        }

        // The ring is gone: an earlier fix in the same pass folded it away.
        return document;
    }

    internal static ImmutableArray<string> RingRules { get; } = ImmutableArray.Create(
        Analyzers.DiagnosticIds.RingWithoutStatusRead,
        Analyzers.DiagnosticIds.DisconnectNotRetried,
        Analyzers.DiagnosticIds.NotifyNotCalled,
        Analyzers.DiagnosticIds.AbortTreatedAsSuccess);
}

using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.CodeFixes;

/// <summary>DBL006: "Write the doorbell with Volatile.Write". Rewrites the ordinary doorbell store as a release (<see cref="VolatileWriteRewrite"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseVolatileWriteCodeFixProvider)), Shared]
public sealed class UseVolatileWriteCodeFixProvider : CodeFixProvider
{
    /// <summary>The title of the code action.</summary>
    public const string Title = "Write the doorbell with Volatile.Write";

    /// <summary>The equivalence key: Fix All applies this action and no other.</summary>
    public const string EquivalenceKey = "DoorbellGuard.UseVolatileWrite";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(Analyzers.DiagnosticIds.RingStoreNotPublished);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
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
            var span = diagnostic.Location.SourceSpan;
            if (StoreAt(root, span) is not { } store || VolatileWriteRewrite.TryRewrite(store, model, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, cancellationToken => RewriteAsync(document, span, cancellationToken), EquivalenceKey), diagnostic);
        }
    }

    private static async Task<Document> RewriteAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var store = root is null ? null : StoreAt(root, span);
        var rewritten = store is null || model is null ? null : VolatileWriteRewrite.TryRewrite(store, model, cancellationToken);
        return rewritten is null ? document : document.WithSyntaxRoot(root!.ReplaceNode(store!, rewritten));
    }

    /// <summary>The assignment or call the diagnostic spans exactly (no node inside it has the same span).</summary>
    private static SyntaxNode? StoreAt(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node.Span == span ? node : null;
    }
}

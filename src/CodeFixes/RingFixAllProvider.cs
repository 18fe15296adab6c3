using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// Fix All for the ring fixes. A batch fixer merges text changes computed independently, which breaks as
/// soon as two fixes in one method overlap (both insert a status local, one folds the other's ring away).
/// This one marks every flagged ring of a document with an annotation, then fixes them one after the
/// other in source order, each time on the document the previous fix produced, finding the ring again
/// by its annotation.
/// </summary>
internal sealed class RingFixAllProvider : FixAllProvider
{
    private readonly DoorbellCodeFixProvider _provider;

    public RingFixAllProvider(DoorbellCodeFixProvider provider) => _provider = provider;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
        Create(FixDocumentAsync, GetSupportedFixAllScopes().ToImmutableArray()).GetFixAsync(fixAllContext);

    private async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (context.CodeActionEquivalenceKey is { } key && key != _provider.EquivalenceKey)
        {
            return null;
        }

        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var rings = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var node = RingSite.FindRingNode(root, diagnostic.Location.SourceSpan);
            if (node is not null && !rings.ContainsKey(node))
            {
                rings.Add(node, new SyntaxAnnotation("DoorbellGuard.Ring"));
            }
        }

        if (rings.Count == 0)
        {
            return null;
        }

        var order = rings.OrderBy(r => r.Key.SpanStart).Select(r => r.Value).ToList();
        document = document.WithSyntaxRoot(root.ReplaceNodes(rings.Keys, (original, current) => current.WithAdditionalAnnotations(rings[original])));
        foreach (var ring in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document = await _provider.FixRingAsync(document, ring, cancellationToken).ConfigureAwait(false);
        }

        return document;
    }
}

using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The analyzer's protocol vocabulary for one document: its compilation's <see cref="ProtocolSymbols"/> and the
/// <see cref="WrapperConfiguration"/> of its .editorconfig section, so a fix recognises exactly the rings, reads,
/// connects and notifies the analyzer does (wrappers by attribute or configuration, the user's own status enum).
/// </summary>
internal sealed class ProtocolContext
{
    private ProtocolContext(SyntaxNode root, SemanticModel model, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        Root = root;
        Model = model;
        Symbols = symbols;
        Configuration = configuration;
    }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public ProtocolSymbols Symbols { get; }

    public WrapperConfiguration Configuration { get; }

    /// <summary>Null when the document's compilation has nothing the analyzer would check.</summary>
    public static async Task<ProtocolContext?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var options = document.Project.AnalyzerOptions;
        var symbols = ProtocolSymbols.TryCreate(model.Compilation, options);
        return symbols is null ? null : new ProtocolContext(root, model, symbols, WrapperConfiguration.For(options, model.SyntaxTree, model.Compilation));
    }

    public ProtocolOperation Classify(ISymbol member) => Symbols.Classify(member, Configuration);
}

using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// DBL005 on raw D3DKMT code: "Connect before the first ring". Right after the statement that calls
/// <c>D3DKMTCreateDoorbell(&amp;create)</c>, inserts a connect with the user's own structure and function, called as
/// the creation is (<c>var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
/// Gdi.D3DKMTConnectDoorbell(&amp;connect);</c>). Offered for a ring written in place through the create structure.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawConnectBeforeFirstRingCodeFixProvider)), Shared]
public sealed class RawConnectBeforeFirstRingCodeFixProvider : CodeFixProvider
{
    /// <summary>The title of the code action: the same words as the runtime's fix.</summary>
    public const string Title = "Connect before the first ring";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.DiagnosticIds.RingBeforeConnect);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic.Location.SourceSpan, context.CancellationToken) is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken), nameof(RawConnectBeforeFirstRingCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, span, cancellationToken) is not { } plan)
            return document;
        var name = UniqueName(model, plan.Creation.SpanStart, "connect");
        var declaration = SyntaxFactory.ParseStatement($"var {name} = new {plan.ConnectStructure} {{ {plan.HandleField} = {plan.Doorbell}.{RawD3dkmt.DoorbellHandleField} }};");
        var call = SyntaxFactory.ParseStatement($"{plan.ConnectCall}({(plan.ByPointer ? "&" : "ref ")}{name});");
        var block = (BlockSyntax)plan.Creation.Parent!;
        var index = block.Statements.IndexOf(plan.Creation);
        var statements = block.Statements.InsertRange(index + 1, new[]
        {
            OnItsOwnLine(declaration, plan.Creation),
            OnItsOwnLine(call, plan.Creation),
        });
        return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
    }

    /// <summary>A statement on a line of its own, ended as the creation's line is (the document's own line ending).</summary>
    private static StatementSyntax OnItsOwnLine(StatementSyntax statement, StatementSyntax creation)
    {
        var endOfLine = creation.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return statement
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(endOfLine == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private sealed class RawConnectPlan
    {
        public RawConnectPlan(StatementSyntax creation, string doorbell, string connectStructure, string handleField, string connectCall, bool byPointer)
        {
            Creation = creation;
            Doorbell = doorbell;
            ConnectStructure = connectStructure;
            HandleField = handleField;
            ConnectCall = connectCall;
            ByPointer = byPointer;
        }

        public StatementSyntax Creation { get; }

        public string Doorbell { get; }

        public string ConnectStructure { get; }

        public string HandleField { get; }

        public string ConnectCall { get; }

        public bool ByPointer { get; }
    }

    /// <summary>
    /// What to insert and where: the ring must be a store in place through a local create structure; its creation a
    /// statement of a block of the same method; the user's connect declared beside the create function.
    /// </summary>
    private static RawConnectPlan? Plan(SyntaxNode root, SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        if (!root.FullSpan.Contains(span))
            return null;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var ring = node as ExpressionSyntax ?? (node as ExpressionStatementSyntax)?.Expression;
        if (ring is null || model.GetOperation(ring, cancellationToken) is not { } operation || !RawD3dkmt.IsRingStoreInPlace(operation))
            return null;
        if (RawD3dkmt.PointerOf(RawD3dkmt.StoredAddress(operation)) is not IFieldReferenceOperation { Instance: ILocalReferenceOperation doorbell })
            return null;
        var body = ring.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (body is null)
            return null;
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.SpanStart >= ring.SpanStart || model.GetOperation(invocation, cancellationToken) is not { } call
                || RawD3dkmt.FunctionCalled(call) != RawD3dkmt.CreateFunction || !PassesLocal(invocation, doorbell.Local, model, cancellationToken))
                continue;
            var creation = invocation.FirstAncestorOrSelf<StatementSyntax>();
            if (creation?.Parent is not BlockSyntax || ConnectBeside(call) is not { } connect)
                return null;
            var (structure, byPointer) = connect;
            var handle = structure.GetMembers(RawD3dkmt.DoorbellHandleField).OfType<IFieldSymbol>().Any() ? RawD3dkmt.DoorbellHandleField
                : structure.GetMembers(RawD3dkmt.QueueHandleField).OfType<IFieldSymbol>().Any() ? RawD3dkmt.QueueHandleField : null;
            if (handle is null)
                return null;
            var callee = invocation.Expression is MemberAccessExpressionSyntax access
                ? access.Expression + "." + RawD3dkmt.ConnectFunction
                : RawD3dkmt.ConnectFunction;
            return new RawConnectPlan(creation, doorbell.Local.Name, structure.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), handle, callee, byPointer);
        }

        return null;
    }

    private static bool PassesLocal(InvocationExpressionSyntax invocation, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var expression = argument.Expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression } addressOf ? addressOf.Operand : argument.Expression;
            if (model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol passed && SymbolEqualityComparer.Default.Equals(passed, local))
                return true;
        }

        return false;
    }

    /// <summary>The user's D3DKMTConnectDoorbell declared beside the create function called: its structure type, and whether it takes a pointer.</summary>
    private static (ITypeSymbol Structure, bool ByPointer)? ConnectBeside(IOperation createCall)
    {
        var container = createCall switch
        {
            IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invocation => Held(invocation.Instance),
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
            IFunctionPointerInvocationOperation pointer => Held(pointer.Target),
            _ => null,
        };
        foreach (var member in container?.GetMembers(RawD3dkmt.ConnectFunction) ?? ImmutableArray<ISymbol>.Empty)
        {
            var parameter = member switch
            {
                IMethodSymbol method => method.Parameters.FirstOrDefault(),
                IFieldSymbol { Type: INamedTypeSymbol { DelegateInvokeMethod: { } invoke } } => invoke.Parameters.FirstOrDefault(),
                IFieldSymbol { Type: IFunctionPointerTypeSymbol pointer } => pointer.Signature.Parameters.FirstOrDefault(),
                _ => null,
            };
            if (parameter?.Type is IPointerTypeSymbol { PointedAtType: INamedTypeSymbol { TypeKind: TypeKind.Struct } pointed })
                return (pointed, true);
            if (parameter is { RefKind: RefKind.Ref, Type: INamedTypeSymbol { TypeKind: TypeKind.Struct } byRef })
                return (byRef, false);
        }

        return null;
    }

    private static INamedTypeSymbol? Held(IOperation? holder) => holder switch
    {
        IFieldReferenceOperation field => field.Field.ContainingType,
        IConversionOperation conversion => Held(conversion.Operand),
        _ => null,
    };

    private static string UniqueName(SemanticModel model, int position, string name)
    {
        var candidate = name;
        for (var i = 2; model.LookupSymbols(position, name: candidate).Any() || DeclaredLater(model, position, candidate); i++)
            candidate = name + i;
        return candidate;
    }

    /// <summary>A local of that name declared anywhere in the enclosing member would clash too (C# forbids the shadowing).</summary>
    private static bool DeclaredLater(SemanticModel model, int position, string name)
    {
        var member = model.SyntaxTree.GetRoot().FindToken(position).Parent?.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        return member is not null && member.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.ValueText == name);
    }
}

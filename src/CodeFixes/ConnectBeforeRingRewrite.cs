using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The rewrite behind "Connect before the first ring": a connect (the user's connect wrapper when the ring is a
/// wrapper with one beside it, else <c>Doorbell.Connect</c>) right after the statement that creates the doorbell,
/// which comes before every ring of it on every path. Lazy creation (<c>_d ??= queue.CreateDoorbell();</c>) becomes <c>if (_d is null) { _d = queue.CreateDoorbell(); _d.Connect(); }</c>: a doorbell
/// that already existed is not connected again on every call.
/// </summary>
internal static class ConnectBeforeRingRewrite
{
    /// <summary>Why the fix is not offered at <paramref name="site"/>, or null when it is.</summary>
    public static FixUnavailableReason? Unavailable(RingSite site)
    {
        if (DoorbellOperations.Find(site).Connect is null)
        {
            return FixUnavailableReason.NoConnect;
        }

        return FindCreation(site) is null ? FixUnavailableReason.CreationNotFound : null;
    }

    public static SyntaxNode? TryRewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator)
    {
        var operations = DoorbellOperations.Find(site);
        var creation = FindCreation(site);
        if (creation is null || operations.Connect is null)
        {
            return null;
        }

        var syntax = new DoorbellSyntax(generator, site, operations);
        switch (creation.Value.Node)
        {
            case UsingStatementSyntax @using:
                // using (var d = queue.CreateDoorbell()) body: connect first thing in the body.
                var connectFirst = DoorbellSyntax.Formatted(syntax.Connect(creation.Value.Target));
                if (@using.Statement is BlockSyntax block)
                {
                    return root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(0, connectFirst)));
                }

                return root.ReplaceNode(@using.Statement, DoorbellSyntax.Formatted(SyntaxFactory.Block(connectFirst, @using.Statement)));
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } statement when creation.Value.IsLazy:
                // The statement's own end-of-line comment stays on the assignment it described.
                return ReplaceStatement(root, statement, LazyCreation(syntax, assignment.Left, creation.Value.Value, statement.GetTrailingTrivia())
                    .WithLeadingTrivia(statement.GetLeadingTrivia()));
            case StatementSyntax statement:
                var after = StatementContainer.Of(statement);
                if (after is null)
                {
                    return null;
                }

                var result = after.Statements.ToList();
                result.Insert(after.Index + 1, DoorbellSyntax.Formatted(syntax.Connect(creation.Value.Target)));
                return after.Apply(root, result);
            default:
                return null;
        }
    }

    /// <summary><c>if (target is null) { target = create; target.Connect(); }</c></summary>
    private static StatementSyntax LazyCreation(DoorbellSyntax syntax, ExpressionSyntax target, ExpressionSyntax create, SyntaxTriviaList trailing)
    {
        target = target.WithoutTrivia();
        var isNull = SyntaxFactory.IsPatternExpression(target, SyntaxFactory.ConstantPattern(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));
        var assign = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, create.WithoutTrivia()))
            .WithTrailingTrivia(trailing);
        return DoorbellSyntax.Formatted(DoorbellSyntax.If(isNull, assign, syntax.Connect(target)));
    }

    private static SyntaxNode? ReplaceStatement(SyntaxNode root, StatementSyntax statement, StatementSyntax replacement)
    {
        var container = StatementContainer.Of(statement);
        if (container is null)
        {
            return null;
        }

        var statements = container.Statements.ToList();
        statements[container.Index] = replacement;
        return container.Apply(root, statements);
    }

    /// <summary>
    /// The last statement before the ring, in the ring's own method or lambda, that sets the doorbell to
    /// <c>CreateDoorbell(...)</c>: a declaration, an assignment, the resource of a using statement, or a lazy
    /// creation (<c>??=</c>). Null when there is none, or a connect already follows it.
    /// </summary>
    private static Creation? FindCreation(RingSite site)
    {
        if (site.DoorbellPath is null)
        {
            return null;
        }

        var function = site.Ring.Ancestors().FirstOrDefault(a =>
            a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax
                or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (function is null)
        {
            return null;
        }

        Creation? found = null;
        foreach (var node in function.DescendantNodes(n => n == function || !ProtocolSyntax.IsFunction(n)))
        {
            if (node.SpanStart >= site.Ring.SpanStart)
            {
                break;
            }

            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                    when IsCreation(site, value) && site.DoorbellPath.Count == 1
                    && SymbolEqualityComparer.Default.Equals(site.Model.GetDeclaredSymbol(declarator), site.DoorbellPath[0]):
                    var name = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
                    found = declarator.Parent?.Parent switch
                    {
                        LocalDeclarationStatementSyntax statement => new Creation(statement, name, value, isLazy: false),
                        UsingStatementSyntax @using => new Creation(@using, name, value, isLazy: false),
                        _ => null,
                    };
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax statement } assignment
                    when IsCreation(site, assignment.Right) && site.IsSameDoorbell(assignment.Left, assignment.SpanStart):
                    found = new Creation(statement, assignment.Left, assignment.Right, isLazy: false);
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression, Parent: ExpressionStatementSyntax statement } assignment
                    when IsCreation(site, assignment.Right) && site.IsSameDoorbell(assignment.Left, assignment.SpanStart):
                    found = new Creation(statement, assignment.Left, assignment.Right, isLazy: true);
                    break;
            }
        }

        return found is { IsLazy: false } plain && ConnectsNext(site, plain) ? null : found;
    }

    private static bool ConnectsNext(RingSite site, Creation creation)
    {
        if (creation.Node is UsingStatementSyntax @using)
        {
            return @using.Statement is BlockSyntax { Statements.Count: > 0 } block && site.IsOperationStatement(block.Statements[0], ProtocolOperation.Connect);
        }

        return creation.Node is StatementSyntax statement && StatementContainer.Of(statement) is { } container
            && container.Index + 1 < container.Statements.Count && site.IsOperationStatement(container.Statements[container.Index + 1], ProtocolOperation.Connect);
    }

    private static bool IsCreation(RingSite site, ExpressionSyntax value) =>
        ProtocolSyntax.Unparenthesize(value) is InvocationExpressionSyntax invocation
        && (ProtocolSyntax.Classify(invocation, site.Model, site.Context.Symbols, site.Context.Configuration) == ProtocolOperation.Create
            || IsFactoryCall(site, invocation));

    /// <summary>A call of a factory helper of the user's that returns a doorbell it created and did not connect (what the analyzer counts as a creation).</summary>
    private static bool IsFactoryCall(RingSite site, InvocationExpressionSyntax invocation)
    {
        if (site.Model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !site.Context.Symbols.IsDoorbell(method.ReturnType))
        {
            return false;
        }

        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            var model = declaration.SyntaxTree == site.Model.SyntaxTree ? site.Model : site.Model.Compilation.GetSemanticModel(declaration.SyntaxTree);
            if (model.GetOperation(declaration) is IMethodBodyOperation body)
            {
                return Analyzers.Translation.FactoryCreation.Find(body, site.Context.Symbols, site.Context.Configuration) is not null;
            }
        }

        return false;
    }

    /// <summary>Where the doorbell is created: the statement, the variable as the fix names it, the creating call, and whether it is lazy.</summary>
    private readonly struct Creation
    {
        public Creation(SyntaxNode node, ExpressionSyntax target, ExpressionSyntax value, bool isLazy)
        {
            Node = node;
            Target = target;
            Value = value;
            IsLazy = isLazy;
        }

        public SyntaxNode Node { get; }

        public ExpressionSyntax Target { get; }

        public ExpressionSyntax Value { get; }

        public bool IsLazy { get; }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DoorbellGuard.CodeFixes;

/// <summary>Builds the statements the fixes insert. Type names come out fully qualified and annotated, so the
/// code action's cleanup simplifies them and adds <c>using DoorbellGuard;</c> where it is missing.</summary>
internal sealed class DoorbellSyntax
{
    private readonly SyntaxGenerator _generator;
    private readonly DoorbellSymbols _symbols;

    public DoorbellSyntax(SyntaxGenerator generator, DoorbellSymbols symbols)
    {
        _generator = generator;
        _symbols = symbols;
    }

    public const string Retry = "DisconnectedRetry";
    public const string Abort = "DisconnectedAbort";
    public const string Notify = "ConnectedNotify";

    public TypeSyntax StatusType() => Imported(_generator.TypeExpression(_symbols.Status));

    private static TypeSyntax Imported(SyntaxNode type) =>
        (TypeSyntax)type.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    public ExpressionSyntax StatusMember(string member) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, StatusType(), SyntaxFactory.IdentifierName(member));

    public ExpressionSyntax StatusIs(string statusName, string member) =>
        SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(statusName), StatusMember(member));

    public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string method, params ArgumentSyntax[] arguments) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));

    public static StatementSyntax CallStatement(ExpressionSyntax receiver, string method) =>
        SyntaxFactory.ExpressionStatement(Call(receiver, method));

    public static StatementSyntax If(ExpressionSyntax condition, params StatementSyntax[] statements) =>
        SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statements));

    public LocalDeclarationStatementSyntax DeclareStatus(string name, TypeSyntax? type = null) =>
        SyntaxFactory.LocalDeclarationStatement(
            SyntaxFactory.VariableDeclaration(type ?? StatusType(), SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name))));

    public static LocalDeclarationStatementSyntax DeclareVar(string name, ExpressionSyntax value) =>
        SyntaxFactory.LocalDeclarationStatement(
            SyntaxFactory.VariableDeclaration(
                SyntaxFactory.IdentifierName("var"),
                SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name), null, SyntaxFactory.EqualsValueClause(value.WithoutTrivia())))));

    public static StatementSyntax Assign(string name, ExpressionSyntax value) =>
        SyntaxFactory.ExpressionStatement(
            SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name), value));

    /// <summary><c>if (status == DisconnectedAbort) { throw new DoorbellAbortedException("..."); }</c></summary>
    public StatementSyntax ThrowOnAbort(string statusName, ExpressionSyntax doorbell)
    {
        var message = "The device behind doorbell '" + doorbell.WithoutTrivia().ToString()
            + "' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.";
        var exceptionType = _symbols.AbortedException is { } aborted
            ? Imported(_generator.TypeExpression(aborted))
            : SyntaxFactory.ParseTypeName("global::DoorbellGuard.DoorbellAbortedException");
        var create = SyntaxFactory.ObjectCreationExpression(exceptionType)
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message))))));
        return If(StatusIs(statusName, Abort), SyntaxFactory.ThrowStatement(create));
    }

    /// <summary>Every statement the fix creates is formatted with the document's options.</summary>
    public static T Formatted<T>(T node)
        where T : SyntaxNode => node.WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>The comments among some trivia, each on its own line: kept when the code they sat on is folded into the fix.</summary>
    public static IEnumerable<SyntaxTrivia> CommentLines(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                yield return item;
                yield return SyntaxFactory.ElasticCarriageReturnLineFeed;
            }
        }
    }

    /// <summary>Every comment in a statement the fix folds away, each on its own line.</summary>
    public static IEnumerable<SyntaxTrivia> CommentLines(SyntaxNode removed) =>
        CommentLines(SyntaxFactory.TriviaList(removed.DescendantTrivia(descendIntoTrivia: false)));

    /// <summary>Leading trivia of <paramref name="node"/> with extra comment lines placed after its own trivia.</summary>
    public static T WithExtraLeadingComments<T>(T node, IReadOnlyCollection<SyntaxTrivia> comments)
        where T : SyntaxNode
    {
        if (comments.Count == 0)
        {
            return node;
        }

        return node.WithLeadingTrivia(node.GetLeadingTrivia().AddRange(comments));
    }
}

/// <summary>Fresh local names (<c>status</c>, <c>status2</c>, ...) that clash with nothing visible or declared in the body.</summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken;

    public UniqueNames(SyntaxNode anchor, SemanticModel model)
    {
        _taken = new HashSet<string>(model.LookupSymbols(anchor.SpanStart).Select(s => s.Name));
        foreach (var node in BodyRoot(anchor).DescendantNodesAndSelf())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax v => v.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                ParameterSyntax p => p.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                TypeParameterSyntax t => t.Identifier,
                FromClauseSyntax q => q.Identifier,
                LetClauseSyntax q => q.Identifier,
                JoinClauseSyntax q => q.Identifier,
                JoinIntoClauseSyntax q => q.Identifier,
                QueryContinuationSyntax q => q.Identifier,
                LabeledStatementSyntax l => l.Identifier,
                _ => default,
            };
            if (declared.ValueText.Length > 0)
            {
                _taken.Add(declared.ValueText);
            }
        }
    }

    /// <summary>Reserves and returns <paramref name="baseName"/>, or the first of baseName2, baseName3, ... that is free.</summary>
    public string Next(string baseName)
    {
        var name = baseName;
        for (var i = 2; _taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }

    /// <summary>The member (or the whole file, for top-level statements) whose locals share a scope with the anchor's.</summary>
    private static SyntaxNode BodyRoot(SyntaxNode anchor)
    {
        foreach (var ancestor in anchor.AncestorsAndSelf())
        {
            if (ancestor is GlobalStatementSyntax)
            {
                return ancestor.Parent ?? ancestor;
            }

            if (ancestor is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return anchor.SyntaxTree.GetRoot();
    }
}

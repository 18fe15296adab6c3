using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// Builds the statements the fixes insert, in the user's own vocabulary: their status read, connect and notify
/// (<see cref="DoorbellOperations"/>) and their status enum's members. Type names come out fully qualified and
/// annotated, so the code action's cleanup simplifies them and adds the <c>using</c> directive a file lacks.
/// </summary>
internal sealed class DoorbellSyntax
{
    private readonly SyntaxGenerator _generator;
    private readonly RingSite _site;
    private readonly DoorbellOperations _operations;

    public DoorbellSyntax(SyntaxGenerator generator, RingSite site, DoorbellOperations operations)
    {
        _generator = generator;
        _site = site;
        _operations = operations;
    }

    public TypeSyntax StatusType() => Imported(_generator.TypeExpression(_operations.StatusType!));

    public ExpressionSyntax StatusMember(int value)
    {
        var status = _operations.StatusEnum!;
        var member = DoorbellStatusValues.MemberFor(status, value)!;
        return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeAsExpression(_generator, status), SyntaxFactory.IdentifierName(member.Name));
    }

    /// <summary>
    /// A type as the left of a member access (<c>Vendor.Queue.Tell</c>): a chain of member accesses, as the parser
    /// reads it, not a qualified name; annotated so the cleanup shortens it as far as the file's usings allow.
    /// </summary>
    public static ExpressionSyntax TypeAsExpression(SyntaxGenerator generator, ITypeSymbol type) =>
        AsExpression((TypeSyntax)generator.TypeExpression(type)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private static ExpressionSyntax AsExpression(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AsExpression(qualified.Left), qualified.Right),
        _ => type,
    };

    public ExpressionSyntax StatusIs(string statusName, int value) =>
        SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(statusName), StatusMember(value));

    /// <summary>The user's status read on <paramref name="doorbell"/> (null: the implicit <c>this</c>).</summary>
    public ExpressionSyntax ReadStatus(ExpressionSyntax? doorbell) => _operations.ReadStatus!.Expression(doorbell, _site.Host, _generator);

    public StatementSyntax Connect(ExpressionSyntax? doorbell) =>
        SyntaxFactory.ExpressionStatement(_operations.Connect!.Expression(doorbell, _site.Host, _generator));

    public StatementSyntax NotifyWorkSubmission(ExpressionSyntax? doorbell) =>
        SyntaxFactory.ExpressionStatement(_operations.Notify!.Expression(doorbell, _site.Host, _generator));

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

    /// <summary>
    /// <c>if (status == DisconnectedAbort) { throw new DoorbellAbortedException("..."); }</c>: the runtime's exception, or
    /// one of that name the user declares, else <c>InvalidOperationException</c> (the analyzer-only package has no exception).
    /// </summary>
    public StatementSyntax ThrowOnAbort(string statusName, ExpressionSyntax? doorbell)
    {
        var message = "The device behind doorbell '" + (doorbell?.WithoutTrivia().ToString() ?? "this")
            + "' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.";
        var create = SyntaxFactory.ObjectCreationExpression(Imported(_generator.TypeExpression(AbortException())))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message))))));
        return If(StatusIs(statusName, DoorbellStatusValues.DisconnectedAbort), SyntaxFactory.ThrowStatement(create));
    }

    private ITypeSymbol AbortException()
    {
        var compilation = _site.Model.Compilation;
        if (compilation.GetTypeByMetadataName("DoorbellGuard.DoorbellAbortedException") is { } runtime)
        {
            return runtime;
        }

        var exception = compilation.GetTypeByMetadataName("System.Exception");
        var own = compilation.GetSymbolsWithName("DoorbellAbortedException", SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .FirstOrDefault(t => _site.Model.IsAccessible(_site.Ring.SpanStart, t) && DerivesFrom(t, exception)
                && t.InstanceConstructors.Any(c => c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String && _site.Model.IsAccessible(_site.Ring.SpanStart, c)));
        return own ?? (ITypeSymbol?)compilation.GetTypeByMetadataName("System.InvalidOperationException") ?? compilation.GetSpecialType(SpecialType.System_Object);
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static TypeSyntax Imported(SyntaxNode type) =>
        (TypeSyntax)type.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

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

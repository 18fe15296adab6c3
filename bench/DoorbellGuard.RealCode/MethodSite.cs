using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.RealCode;

/// <summary>A member body of a codebase file that a block can go into, and where in it.</summary>
/// <param name="File">The path of the file, relative to the codebase folder.</param>
/// <param name="Member">How the member reads in a report: <c>Type.Method</c>.</param>
/// <param name="Line">The member's first line (1-based).</param>
/// <param name="InsertionPoints">Text positions before each top-level statement up to the first jump, or before the closing brace of an empty body.</param>
/// <param name="IsPointerCode">The member is unsafe, or its body uses pointers, fixed, stackalloc or unsafe blocks.</param>
internal sealed record MethodSite(string File, string Member, int Line, IReadOnlyList<int> InsertionPoints, bool IsPointerCode)
{
    /// <summary>Every block-bodied method, constructor, destructor, operator and accessor of a file.</summary>
    public static IEnumerable<MethodSite> InFile(string relativePath, SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var body = node switch
            {
                BaseMethodDeclarationSyntax method => method.Body,
                AccessorDeclarationSyntax accessor => accessor.Body,
                _ => null,
            };
            if (body is null)
                continue;

            yield return new MethodSite(
                relativePath,
                Describe(node),
                tree.GetLineSpan(node.Span).StartLinePosition.Line + 1,
                InsertionPointsOf(body),
                IsPointer(node, body));
        }
    }

    /// <summary>Before each statement up to the first that jumps (later ones may be unreachable); in an empty body, before the brace.</summary>
    private static IReadOnlyList<int> InsertionPointsOf(BlockSyntax body)
    {
        if (body.Statements.Count == 0)
            return new[] { body.CloseBraceToken.SpanStart };
        var points = new List<int>();
        foreach (var statement in body.Statements)
        {
            // SpanStart, not FullSpan: the block lands in the same preprocessor region as the statement it precedes.
            points.Add(statement.SpanStart);
            if (statement is ReturnStatementSyntax or ThrowStatementSyntax or GotoStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement })
                break;
        }

        return points;
    }

    private static bool IsPointer(SyntaxNode member, BlockSyntax body) =>
        member.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().Any(m => m.Modifiers.Any(SyntaxKind.UnsafeKeyword))
        || body.DescendantNodes().Any(n => n is PointerTypeSyntax or UnsafeStatementSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax
            || n.IsKind(SyntaxKind.PointerIndirectionExpression) || n.IsKind(SyntaxKind.AddressOfExpression) || n.IsKind(SyntaxKind.PointerMemberAccessExpression));

    private static string Describe(SyntaxNode member)
    {
        var type = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "?";
        var name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            ConstructorDeclarationSyntax => ".ctor",
            DestructorDeclarationSyntax => "Finalize",
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
            ConversionOperatorDeclarationSyntax c => "operator " + c.Type,
            AccessorDeclarationSyntax a => (a.Parent?.Parent as BasePropertyDeclarationSyntax) switch
            {
                PropertyDeclarationSyntax p => p.Identifier.Text + "." + a.Keyword.Text,
                IndexerDeclarationSyntax => "this[]." + a.Keyword.Text,
                EventDeclarationSyntax e => e.Identifier.Text + "." + a.Keyword.Text,
                _ => a.Keyword.Text,
            },
            _ => member.Kind().ToString(),
        };
        return type + "." + name;
    }
}

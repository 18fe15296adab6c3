using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The rewrite behind "Use RingAndConfirm": <c>d.Ring(v)</c> becomes <c>d.RingAndConfirm(v)</c>, which rings,
/// reads, reconnects and rings again, notifies and throws on abort by itself. The status read after the ring
/// is folded into it, and the retry and notify handling that would now run twice is removed. The user's own
/// abort handling stays: it is their decision, and RingAndConfirm only makes it unreachable.
/// </summary>
internal static class RingAndConfirmRewrite
{
    /// <summary>Why the fix is not offered at <paramref name="site"/>, or null when it is: only <c>Doorbell.Ring</c> has a <c>RingAndConfirm</c>.</summary>
    public static FixUnavailableReason? Unavailable(RingSite site)
    {
        if (!site.IsRuntimeRing || site.Ring is not InvocationExpressionSyntax invocation)
        {
            return FixUnavailableReason.NoRingAndConfirm;
        }

        if (site.IsConditional)
        {
            return null;
        }

        var fits = site.Doorbell?.Parent is MemberAccessExpressionSyntax
            && (invocation.Parent is ExpressionStatementSyntax ringStatement
                ? StatementContainer.Of(ringStatement) is not null
                : StatementContainer.OfExpressionBody(invocation, site.Model) is not null);
        return fits ? null : FixUnavailableReason.UnsupportedPosition;
    }

    public static SyntaxNode? TryRewrite(SyntaxNode root, RingSite site)
    {
        if (Unavailable(site) is not null)
        {
            return null;
        }

        var invocation = (InvocationExpressionSyntax)site.Ring;
        if (site.IsConditional)
        {
            // d?.Ring(v) becomes d?.RingAndConfirm(v): same null behaviour, whole protocol.
            var binding = (MemberBindingExpressionSyntax)invocation.Expression;
            return root.ReplaceNode(binding.Name, SyntaxFactory.IdentifierName("RingAndConfirm").WithTriviaFrom(binding.Name));
        }

        if (invocation.Parent is ExpressionStatementSyntax ringStatement)
        {
            if (ExistingRetryLoop.Find(site, ringStatement) is { } loop && ReplaceExistingLoop(root, site, loop) is { } withoutLoop)
            {
                return withoutLoop;
            }

            var container = StatementContainer.Of(ringStatement);
            return container is null ? null : Rewrite(root, site, container);
        }

        var expressionBody = StatementContainer.OfExpressionBody(invocation, site.Model);
        return expressionBody is null ? null : Rewrite(root, site, expressionBody);
    }

    private static InvocationExpressionSyntax Confirm(InvocationExpressionSyntax ring)
    {
        var access = (MemberAccessExpressionSyntax)ring.Expression;
        return ring.WithExpression(access.WithName(SyntaxFactory.IdentifierName("RingAndConfirm").WithTriviaFrom(access.Name)));
    }

    private static SyntaxNode Rewrite(SyntaxNode root, RingSite site, StatementContainer container)
    {
        var statements = container.Statements;
        var ringStatement = (ExpressionStatementSyntax)statements[container.Index];
        var next = container.Index + 1 < statements.Count ? statements[container.Index + 1] : null;
        var read = StatusReadAfterRing.Find(site, next);
        var confirm = Confirm((InvocationExpressionSyntax)ringStatement.Expression);

        string? statusName = read.Kind switch
        {
            StatusReadKind.Declaration or StatusReadKind.Assignment => read.Name,
            StatusReadKind.Inline => new UniqueNames(site.Ring, site.Model).Next("status"),
            _ => null,
        };
        var tailStart = container.Index + 1 + (read.ConsumesStatement ? 1 : 0);
        var scan = StatusHandlingScan.Run(site, statements, tailStart, statusName, read.Kind == StatusReadKind.Inline, ringAndConfirm: true);

        var tail = scan.RewriteTail(statements, tailStart, format: true, read, statusName);

        // A status nobody looks at any more is not kept in a local.
        var keepsStatus = statusName is not null && (read.Kind == StatusReadKind.Assignment || IsReferenced(tail, statusName));
        StatementSyntax replacement = !keepsStatus
            ? SyntaxFactory.ExpressionStatement(confirm)
            : read.Kind switch
            {
                StatusReadKind.Assignment => DoorbellSyntax.Assign(statusName!, confirm),
                StatusReadKind.Declaration when read.DeclaredType is { } type => SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(type, SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(statusName!), null, SyntaxFactory.EqualsValueClause(confirm))))),
                _ => DoorbellSyntax.DeclareVar(statusName!, confirm),
            };

        // Comments of the folded read are kept: its end-of-line comment where the ring has none, the rest above.
        var trailing = ringStatement.GetTrailingTrivia();
        var comments = new List<SyntaxTrivia>(scan.FoldedComments);
        if (read.ConsumesStatement && read.Statement is { } consumed)
        {
            comments.AddRange(DoorbellSyntax.CommentLines(consumed.GetLeadingTrivia()));
            if (DoorbellSyntax.CommentLines(trailing).Any())
            {
                comments.AddRange(DoorbellSyntax.CommentLines(consumed.GetTrailingTrivia()));
            }
            else
            {
                trailing = consumed.GetTrailingTrivia();
            }
        }

        replacement = DoorbellSyntax.Formatted(DoorbellSyntax.WithExtraLeadingComments(
            replacement.WithLeadingTrivia(ringStatement.GetLeadingTrivia()), comments).WithTrailingTrivia(trailing));

        var result = statements.Take(container.Index).ToList();
        result.Add(replacement);
        result.AddRange(tail);
        return container.Apply(root, result);
    }

    /// <summary>
    /// <c>do { d.Ring(v); s = d.ReadStatus(); if (s == DisconnectedRetry) { d.Connect(); } } while (s == DisconnectedRetry);</c>
    /// is what RingAndConfirm does: the whole loop becomes <c>s = d.RingAndConfirm(v);</c>, offered only when the body does nothing else.
    /// </summary>
    private static SyntaxNode? ReplaceExistingLoop(SyntaxNode root, RingSite site, ExistingRetryLoop existing)
    {
        if (existing.RingIndex != 0 || existing.ReadIndex != 1)
        {
            return null;
        }

        var (loop, tests, statusName, container) = (existing.Loop, existing.Tests, existing.StatusName, existing.Container);
        foreach (var statement in existing.Body.Statements.Skip(2))
        {
            var onlyReconnects = statement is IfStatementSyntax { Else: null } reconnect
                && tests.IsOnly(reconnect.Condition, DoorbellStatusValues.DisconnectedRetry)
                && StatementContainer.StatementsOf(reconnect.Statement).All(s => site.IsOperationStatement(s, ProtocolOperation.Connect));
            if (!onlyReconnects)
            {
                return null;
            }
        }

        var scan = StatusHandlingScan.Run(site, container.Statements, container.Index + 1, statusName, inlineReadsAreStatus: false, ringAndConfirm: true);
        var tail = scan.RewriteTail(container.Statements, container.Index + 1, format: true);

        var confirm = Confirm((InvocationExpressionSyntax)site.Ring);
        var head = container.Statements.Take(container.Index).ToList();

        var declarationIndex = head.Count - 1;
        var declaresStatus = declarationIndex >= 0
            && head[declarationIndex] is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }
            && variables[0] is { Initializer: null } declarator
            && declarator.Identifier.ValueText == statusName;
        StatementSyntax replacement;
        if (declaresStatus)
        {
            // "DoorbellStatus s;" right before the loop: the call initializes it, or stands alone when nothing reads s.
            var declaration = (LocalDeclarationStatementSyntax)head[declarationIndex];
            head.RemoveAt(declarationIndex);
            replacement = IsReferenced(tail, statusName)
                ? declaration.WithDeclaration(declaration.Declaration.WithVariables(SyntaxFactory.SingletonSeparatedList(
                    declaration.Declaration.Variables[0].WithInitializer(SyntaxFactory.EqualsValueClause(confirm)))))
                    .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                : SyntaxFactory.ExpressionStatement(confirm).WithLeadingTrivia(declaration.GetLeadingTrivia());
        }
        else
        {
            replacement = DoorbellSyntax.Assign(statusName, confirm).WithLeadingTrivia(loop.GetLeadingTrivia());
        }

        replacement = DoorbellSyntax.WithExtraLeadingComments(replacement, scan.FoldedComments);

        head.Add(DoorbellSyntax.Formatted(replacement.WithTrailingTrivia(loop.GetTrailingTrivia())));
        head.AddRange(tail);
        return container.Apply(root, head);
    }

    private static bool IsReferenced(IEnumerable<StatementSyntax> statements, string name) =>
        statements.Any(s => s.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name));
}

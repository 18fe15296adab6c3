using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The fix at a call of a helper that rings and hands the status back (<c>var s = RingAndRead(d, v);</c>): the
/// missing answers after the call, in the user's names. Without a connect after the call, a retry loop that calls the
/// helper again (<c>while (s == DisconnectedRetry) { d.Connect(); s = RingAndRead(d, v); }</c>); then the abort and
/// notify checks the code lacks, after the user's own retry loop when it has one.
/// </summary>
internal static class HandedBackStatusRewrite
{
    /// <summary>Whether <paramref name="site"/> is such a call whose status goes into a local of a statement of its own, and whose arguments can be evaluated again.</summary>
    public static bool Applies(RingSite site) => Find(site) is not null;

    public static SyntaxNode? TryRewrite(SyntaxNode root, RingSite site, DoorbellSyntax syntax)
    {
        if (Find(site) is not { } call)
        {
            return null;
        }

        var (statement, statusName) = call;
        var insideRetryLoop = false;
        if (statement.Parent is BlockSyntax { Parent: WhileStatementSyntax or DoStatementSyntax } body && MentionsStatus(Condition(body.Parent), statusName))
        {
            // The call again inside the user's retry loop: the answers go after that loop, as for the first call.
            statement = (StatementSyntax)body.Parent!;
            insideRetryLoop = true;
        }

        var container = StatementContainer.Of(statement);
        if (container is null)
        {
            return null;
        }

        var statements = container.Statements;
        var insertAt = container.Index + 1;
        var added = new List<StatementSyntax>();
        var retryHandled = insideRetryLoop || statements.Skip(insertAt).Any(s => site.ContainsOperationOnSameDoorbell(s, ProtocolOperation.Connect));
        if (!retryHandled)
        {
            var again = DoorbellSyntax.Assign(statusName, site.Ring.WithoutTrivia());
            added.Add(SyntaxFactory.WhileStatement(
                syntax.StatusIs(statusName, DoorbellStatusValues.DisconnectedRetry),
                SyntaxFactory.Block(syntax.Connect(site.Doorbell), again)));
        }
        else if (!insideRetryLoop && insertAt < statements.Count && statements[insertAt] is WhileStatementSyntax or DoStatementSyntax && MentionsStatus(Condition(statements[insertAt]), statusName))
        {
            insertAt++; // the user's own retry loop: the checks go after it, where the status is final
        }

        var scan = StatusHandlingScan.Run(site, statements, insertAt, statusName, inlineReadsAreStatus: false, ringAndConfirm: false);
        RetryPatternRewrite.AddMissingChecks(syntax, added, scan, statusName, site.Doorbell?.WithoutTrivia());
        if (added.Count == 0)
        {
            return null;
        }

        var result = statements.ToList();
        result.InsertRange(insertAt, added.Select(DoorbellSyntax.Formatted));
        return container.Apply(root, result);
    }

    private static bool MentionsStatus(SyntaxNode? condition, string statusName) =>
        condition is not null && condition.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == statusName);

    private static ExpressionSyntax? Condition(SyntaxNode? loop) => loop switch
    {
        WhileStatementSyntax @while => @while.Condition,
        DoStatementSyntax @do => @do.Condition,
        _ => null,
    };

    /// <summary>The statement that stores the call's status (a declaration or an assignment of a local) and the local's name.</summary>
    private static (StatementSyntax Statement, string StatusName)? Find(RingSite site)
    {
        if (!site.IsHelperCall || site.Doorbell is null || site.Member is not IMethodSymbol method || site.Ring is not InvocationExpressionSyntax invocation
            || !site.Context.Symbols.IsStatus(method.ReturnType) || !invocation.ArgumentList.Arguments.All(a => IsRepeatable(a.Expression)))
        {
            return null;
        }

        return site.Ring.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } declarator }
                => (declaration, declarator.Identifier.ValueText),
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax name, Parent: ExpressionStatementSyntax assignment }
                => (assignment, name.Identifier.ValueText),
            _ => null,
        };
    }

    /// <summary>An argument that evaluates to the same value again: a name, a member of one, a literal.</summary>
    private static bool IsRepeatable(ExpressionSyntax argument) => argument switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsRepeatable(access.Expression),
        _ => false,
    };
}

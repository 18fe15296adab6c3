using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The rewrite behind "Connect before the first ring": <c>d.Connect();</c> right after the statement that
/// creates the doorbell, which comes before every ring of it on every path.
/// </summary>
internal static class ConnectBeforeRingRewrite
{
    public static SyntaxNode? TryRewrite(SyntaxNode root, RingSite site)
    {
        if (site.DoorbellPath is null)
        {
            return null;
        }

        var creation = FindCreation(site);
        if (creation is null)
        {
            return null;
        }

        var connect = DoorbellSyntax.Formatted(DoorbellSyntax.CallStatement(site.Doorbell, "Connect"));
        switch (creation)
        {
            case UsingStatementSyntax @using:
                // using (var d = queue.CreateDoorbell()) body: connect first thing in the body.
                if (@using.Statement is BlockSyntax block)
                {
                    if (block.Statements.Count > 0 && IsConnect(site, block.Statements[0]))
                    {
                        return null;
                    }

                    return root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(0, connect)));
                }

                return root.ReplaceNode(@using.Statement, DoorbellSyntax.Formatted(SyntaxFactory.Block(connect, @using.Statement)));
            case StatementSyntax statement:
                var container = StatementContainer.Of(statement);
                if (container is null)
                {
                    return null;
                }

                var statements = container.Statements;
                if (container.Index + 1 < statements.Count && IsConnect(site, statements[container.Index + 1]))
                {
                    return null;
                }

                var result = statements.ToList();
                result.Insert(container.Index + 1, connect);
                return container.Apply(root, result);
            default:
                return null;
        }
    }

    /// <summary>
    /// The last statement before the ring, in the ring's own method or lambda, that sets the doorbell to
    /// <c>CreateDoorbell(...)</c>: a declaration, an assignment, or the resource of a using statement.
    /// </summary>
    private static SyntaxNode? FindCreation(RingSite site)
    {
        var function = site.Invocation.Ancestors().FirstOrDefault(a =>
            a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax
                or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (function is null)
        {
            return null;
        }

        SyntaxNode? found = null;
        foreach (var node in function.DescendantNodes(n => n == function || !StatusReadAfterRing.IsFunction(n)))
        {
            if (node.SpanStart >= site.Invocation.SpanStart)
            {
                break;
            }

            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                    when IsCreation(site, value)
                    && site.DoorbellPath!.Count == 1
                    && SymbolEqualityComparer.Default.Equals(site.Model.GetDeclaredSymbol(declarator), site.DoorbellPath[0]):
                    found = declarator.Parent?.Parent switch
                    {
                        LocalDeclarationStatementSyntax statement => statement,
                        UsingStatementSyntax @using => @using,
                        _ => null,
                    };
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax statement } assignment
                    when IsCreation(site, assignment.Right) && site.IsSameDoorbell(assignment.Left):
                    found = statement;
                    break;
            }
        }

        return found;
    }

    private static bool IsCreation(RingSite site, ExpressionSyntax value) =>
        StatusReadAfterRing.Unparenthesize(value) is InvocationExpressionSyntax invocation
        && site.Model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "CreateDoorbell" } method
        && site.Symbols.IsDoorbell(method.ReturnType);

    private static bool IsConnect(RingSite site, StatementSyntax statement) =>
        statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }
        && site.IsOperationOnSameDoorbell(invocation, site.Symbols.IsConnect);
}

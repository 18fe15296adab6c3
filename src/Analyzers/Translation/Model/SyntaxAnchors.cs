using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>The places a diagnostic's explanation points at: where a function's body ends, where a status is tested.</summary>
internal static class SyntaxAnchors
{
    /// <summary>Where falling off the end of a function leaves it: its closing brace, or its expression body.</summary>
    public static Location EndOf(SyntaxNode function)
    {
        switch (function)
        {
            case BaseMethodDeclarationSyntax method:
                return End(method.Body, method.ExpressionBody) ?? method.GetLocation();
            case LocalFunctionStatementSyntax local:
                return End(local.Body, local.ExpressionBody) ?? local.GetLocation();
            case AccessorDeclarationSyntax accessor:
                return End(accessor.Body, accessor.ExpressionBody) ?? accessor.GetLocation();
            case AnonymousFunctionExpressionSyntax lambda:
                return lambda.Block?.CloseBraceToken.GetLocation() ?? lambda.ExpressionBody?.GetLocation() ?? lambda.GetLocation();
            case BlockSyntax block:
                return block.CloseBraceToken.GetLocation();
            case ArrowExpressionClauseSyntax arrow:
                return arrow.Expression.GetLocation();
            case CompilationUnitSyntax unit:
                return unit.EndOfFileToken.GetLocation();
            default:
                return function.GetLocation();
        }
    }

    /// <summary>The statement that hands a value back (<c>return x;</c>, <c>yield return</c>, an expression body) around <paramref name="value"/>.</summary>
    public static Location? ReturnAround(SyntaxNode value)
    {
        for (var node = value; node is not null; node = node.Parent)
        {
            if (node is ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax)
                return node.GetLocation();
            if (node is StatementSyntax or MemberDeclarationSyntax)
                return null;
        }

        return null;
    }

    /// <summary>A switch case's whole label (<c>case DoorbellStatus.Connected:</c>), or the pattern itself.</summary>
    public static Location CaseLabel(SyntaxNode valueOrPattern)
    {
        for (var node = valueOrPattern; node is not null; node = node.Parent)
        {
            if (node is SwitchLabelSyntax or SwitchExpressionArmSyntax)
                return node is SwitchExpressionArmSyntax arm ? arm.Pattern.GetLocation() : node.GetLocation();
            if (node is StatementSyntax)
                break;
        }

        return valueOrPattern.GetLocation();
    }

    private static Location? End(BlockSyntax? body, ArrowExpressionClauseSyntax? expression) =>
        body?.CloseBraceToken.GetLocation() ?? expression?.Expression.GetLocation();
}

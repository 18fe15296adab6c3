using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The doorbell an expression designates, as the analyzer sees it: a local, parameter or <c>this</c>
/// root plus a chain of field or property accesses. <c>_d</c> and <c>this._d</c> are the same path, and
/// <c>this</c> itself (a wrapper acting on its receiver, called without one) is the path of the enclosing type alone.
/// </summary>
internal static class DoorbellPath
{
    /// <summary>The path of <paramref name="expression"/>, or of the implicit <c>this</c> at <paramref name="position"/> when it is null.</summary>
    public static IReadOnlyList<ISymbol>? Of(ExpressionSyntax? expression, SemanticModel model, int position)
    {
        if (expression is null || expression is ThisExpressionSyntax)
        {
            return model.GetEnclosingSymbol(position)?.ContainingType is { } type ? new ISymbol[] { type } : null;
        }

        var path = new List<ISymbol>();
        return Collect(expression, model, path) ? path : null;
    }

    public static bool Same(IReadOnlyList<ISymbol>? left, IReadOnlyList<ISymbol>? right)
    {
        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Collect(ExpressionSyntax expression, SemanticModel model, List<ISymbol> path)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Collect(parenthesized.Expression, model, path);
            case IdentifierNameSyntax identifier:
                return AddSymbol(identifier, model, path);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                if (access.Expression is ThisExpressionSyntax)
                {
                    return AddSymbol(access.Name, model, path);
                }

                return Collect(access.Expression, model, path) && AddSymbol(access.Name, model, path);
            default:
                return false;
        }
    }

    private static bool AddSymbol(SimpleNameSyntax name, SemanticModel model, List<ISymbol> path)
    {
        var symbol = model.GetSymbolInfo(name).Symbol;
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol or IFieldSymbol:
            case IPropertySymbol { Parameters.Length: 0 }:
                path.Add(symbol);
                return true;
            case INamedTypeSymbol when path.Count == 0:
                // A static member's container: part of the path, not a doorbell on its own.
                path.Add(symbol);
                return true;
            default:
                return false;
        }
    }
}

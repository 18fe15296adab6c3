using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>The DoorbellGuard runtime types of one compilation, looked up once per fix.</summary>
internal sealed class DoorbellSymbols
{
    private DoorbellSymbols(INamedTypeSymbol doorbell, INamedTypeSymbol status, INamedTypeSymbol? abortedException)
    {
        Doorbell = doorbell;
        Status = status;
        AbortedException = abortedException;
    }

    public INamedTypeSymbol Doorbell { get; }

    public INamedTypeSymbol Status { get; }

    public INamedTypeSymbol? AbortedException { get; }

    public static DoorbellSymbols? TryCreate(Compilation compilation)
    {
        var doorbell = compilation.GetTypeByMetadataName("DoorbellGuard.Doorbell");
        var status = compilation.GetTypeByMetadataName("DoorbellGuard.DoorbellStatus");
        if (doorbell is null || status is null)
        {
            return null;
        }

        return new DoorbellSymbols(doorbell, status, compilation.GetTypeByMetadataName("DoorbellGuard.DoorbellAbortedException"));
    }

    public bool IsDoorbell(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Doorbell);

    /// <summary>A method of <c>Doorbell</c> itself with the given name, or a user method or property carrying the matching protocol attribute.</summary>
    public bool IsOperation(ISymbol? symbol, string doorbellMethodName, string attributeName)
    {
        if (symbol is IMethodSymbol method && method.ReducedFrom is { } reduced)
        {
            symbol = reduced;
        }

        if (symbol is null)
        {
            return false;
        }

        if (symbol.Name == doorbellMethodName && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, Doorbell))
        {
            return true;
        }

        return HasAttribute(symbol, attributeName);
    }

    public bool IsRing(ISymbol? symbol) => IsOperation(symbol, "Ring", "DoorbellRing");

    public bool IsStatusRead(ISymbol? symbol) => IsOperation(symbol, "ReadStatus", "DoorbellStatusRead");

    public bool IsConnect(ISymbol? symbol) => IsOperation(symbol, "Connect", "DoorbellConnect");

    public bool IsNotify(ISymbol? symbol) => IsOperation(symbol, "NotifyWorkSubmission", "DoorbellNotify");

    /// <summary>Any submission: a ring, a wrapper ring, or a complete RingAndConfirm.</summary>
    public bool IsAnySubmission(ISymbol? symbol) => IsRing(symbol) || IsOperation(symbol, "RingAndConfirm", "DoorbellRing");

    public bool IsStatusMember(ISymbol? symbol, string name) =>
        symbol is IFieldSymbol field && field.Name == name && SymbolEqualityComparer.Default.Equals(field.ContainingType, Status);

    private static bool HasAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeName = attribute.AttributeClass?.Name;
            if (attributeName == name || attributeName == name + "Attribute")
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The doorbell an expression designates, as the analyzer sees it: a local, parameter or <c>this</c>
/// root plus a chain of field or property accesses. <c>_d</c> and <c>this._d</c> are the same path.
/// </summary>
internal static class DoorbellPath
{
    public static IReadOnlyList<ISymbol>? Of(ExpressionSyntax expression, SemanticModel model)
    {
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

/// <summary>
/// A flagged ring the fixes can rewrite: the invocation, the doorbell it rings, and the statement
/// (or expression body) that holds it.
/// </summary>
internal sealed class RingSite
{
    private RingSite(
        InvocationExpressionSyntax invocation,
        IMethodSymbol method,
        ExpressionSyntax doorbell,
        IReadOnlyList<ISymbol>? doorbellPath,
        DoorbellSymbols symbols,
        SemanticModel model)
    {
        Invocation = invocation;
        Method = method;
        Doorbell = doorbell;
        DoorbellPath = doorbellPath;
        Symbols = symbols;
        Model = model;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The doorbell expression as written at the ring (<c>d</c>, <c>_d</c>, <c>_queue.Doorbell</c>).</summary>
    public ExpressionSyntax Doorbell { get; }

    /// <summary>The doorbell's access path, or null when it is not a plain path (then the fix hoists it).</summary>
    public IReadOnlyList<ISymbol>? DoorbellPath { get; }

    public DoorbellSymbols Symbols { get; }

    public SemanticModel Model { get; }

    /// <summary>True for <c>Doorbell.Ring</c> itself, false for a user's <c>[DoorbellRing]</c> wrapper.</summary>
    /// <summary>The ring is <c>d?.Ring(v)</c>: the fix runs only when the doorbell is not null.</summary>
    public bool IsConditional => Invocation.Expression is MemberBindingExpressionSyntax;

    public bool IsDoorbellRing =>
        Method.Name == "Ring" && SymbolEqualityComparer.Default.Equals((Method.ReducedFrom ?? Method).ContainingType, Symbols.Doorbell);

    public static RingSite? TryCreate(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span, SemanticModel model)
    {
        var invocation = FindInvocation(root, span);
        return invocation is null ? null : TryCreate(invocation, model);
    }

    /// <summary>The ring invocation a diagnostic span designates: the invocation itself, or for <c>d?.Ring(v)</c> the whole conditional access.</summary>
    public static InvocationExpressionSyntax? FindInvocation(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node is ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax whenNotNull })
        {
            return whenNotNull;
        }

        return node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
    }

    public static RingSite? TryCreate(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        var symbols = DoorbellSymbols.TryCreate(model.Compilation);
        if (symbols is null || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !symbols.IsRing(method))
        {
            return null;
        }

        var doorbell = FindDoorbellExpression(invocation, model, symbols);
        if (doorbell is null)
        {
            return null;
        }

        return new RingSite(invocation, method, doorbell, DoorbellGuard.CodeFixes.DoorbellPath.Of(doorbell, model), symbols, model);
    }

    /// <summary>The expression is the same doorbell as this ring's (same access path).</summary>
    public bool IsSameDoorbell(ExpressionSyntax? expression)
    {
        if (expression is null || DoorbellPath is null)
        {
            return false;
        }

        return DoorbellGuard.CodeFixes.DoorbellPath.Same(DoorbellPath, DoorbellGuard.CodeFixes.DoorbellPath.Of(expression, Model));
    }

    /// <summary>The invocation is the given protocol operation on this ring's doorbell.</summary>
    public bool IsOperationOnSameDoorbell(InvocationExpressionSyntax invocation, System.Func<ISymbol?, bool> isOperation)
    {
        var symbol = Model.GetSymbolInfo(invocation).Symbol;
        return isOperation(symbol) && IsSameDoorbell(FindDoorbellExpression(invocation, Model, Symbols));
    }

    /// <summary>The doorbell a ring or wrapper acts on: its first Doorbell parameter's argument, else its receiver.</summary>
    public static ExpressionSyntax? FindDoorbellExpression(InvocationExpressionSyntax invocation, SemanticModel model, DoorbellSymbols symbols)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var original = method.ReducedFrom ?? method;
        var firstDoorbellParameter = original.Parameters.FirstOrDefault(p => symbols.IsDoorbell(p.Type));
        if (firstDoorbellParameter is not null)
        {
            if (method.ReducedFrom is not null && firstDoorbellParameter.Ordinal == 0)
            {
                return (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
            }

            var ordinal = method.ReducedFrom is not null ? firstDoorbellParameter.Ordinal - 1 : firstDoorbellParameter.Ordinal;
            var arguments = invocation.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == firstDoorbellParameter.Name)
                {
                    return argument.Expression;
                }
            }

            return ordinal < arguments.Count && arguments[ordinal].NameColon is null ? arguments[ordinal].Expression : null;
        }

        if (invocation.Expression is MemberAccessExpressionSyntax access && symbols.IsDoorbell(model.GetTypeInfo(access.Expression).Type))
        {
            return access.Expression;
        }

        // d?.Ring(v): the receiver is the conditional access's expression.
        if (invocation.Expression is MemberBindingExpressionSyntax
            && invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation
            && symbols.IsDoorbell(model.GetTypeInfo(conditional.Expression).Type))
        {
            return conditional.Expression;
        }

        return null;
    }
}

using System.Collections.Generic;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// Where protocol operations sit in syntax: a call (<c>d.Ring(v)</c>, <c>Kick(d, v)</c>, <c>d.Kick(v)</c>) or a
/// property reference (<c>engine.Status</c>, <c>Status</c>, <c>q.Tail = v</c>), and which doorbell each acts on, by the
/// same rule as the analyzer: its first <c>Doorbell</c> parameter (for a static wrapper, its first parameter), else its receiver.
/// </summary>
internal static class ProtocolSyntax
{
    /// <summary>
    /// Every node under <paramref name="scope"/> (lambdas and local functions excluded) that names a method or property:
    /// invocations, and property references written as <c>x.P</c>, <c>x?.P</c> or <c>P</c>, each once.
    /// </summary>
    public static IEnumerable<ExpressionSyntax> OperationNodes(SyntaxNode scope)
    {
        foreach (var node in scope.DescendantNodesAndSelf(n => n == scope || !IsFunction(n)))
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    yield return invocation;
                    break;
                case MemberAccessExpressionSyntax access when !IsInvoked(access):
                    yield return access;
                    break;
                case MemberBindingExpressionSyntax binding when !IsInvoked(binding):
                    yield return binding;
                    break;
                case IdentifierNameSyntax identifier when !IsInvoked(identifier) && !IsQualifiedName(identifier):
                    yield return identifier;
                    break;
            }
        }
    }

    /// <summary>The method or property an operation node names, or null.</summary>
    public static ISymbol? MemberOf(ExpressionSyntax node, SemanticModel model)
    {
        var symbol = model.GetSymbolInfo(node).Symbol;
        return symbol is IMethodSymbol or IPropertySymbol ? symbol : null;
    }

    /// <summary>What the operation node does, as the analyzer classifies it.</summary>
    public static ProtocolOperation Classify(ExpressionSyntax node, SemanticModel model, ProtocolSymbols symbols, WrapperConfiguration configuration) =>
        MemberOf(node, model) is { } member ? symbols.Classify(member, configuration) : ProtocolOperation.None;

    /// <summary>
    /// The doorbell <paramref name="member"/>, named at <paramref name="node"/>, acts on. False when it cannot be told
    /// from the syntax; true with a null <paramref name="doorbell"/> when it is the implicit <c>this</c>.
    /// </summary>
    public static bool TryFindDoorbell(ExpressionSyntax node, ISymbol member, ProtocolSymbols symbols, out ExpressionSyntax? doorbell)
    {
        doorbell = null;
        if (member is IMethodSymbol method && node is InvocationExpressionSyntax invocation && DoorbellArgument(method, symbols) is { } parameter)
        {
            var isReduced = method.ReducedFrom is not null;
            if (isReduced && parameter.Ordinal == 0)
            {
                return TryFindReceiver(invocation.Expression, out doorbell) && doorbell is not null;
            }

            doorbell = ArgumentFor(invocation.ArgumentList, parameter, isReduced ? parameter.Ordinal - 1 : parameter.Ordinal);
            return doorbell is not null;
        }

        var target = node is InvocationExpressionSyntax call ? call.Expression : node;
        if (member.IsStatic)
        {
            return false;
        }

        return TryFindReceiver(target, out doorbell);
    }

    /// <summary>
    /// The parameter a wrapper <paramref name="method"/> takes the doorbell as, or null when it takes none or is a member
    /// of the doorbell type itself (which acts on its receiver).
    /// </summary>
    public static IParameterSymbol? DoorbellArgument(IMethodSymbol method, ProtocolSymbols symbols) =>
        symbols.DoorbellParameter(method) is { } parameter && !symbols.IsDoorbell(method.ContainingType) ? parameter : null;

    /// <summary>The receiver of a member named by <paramref name="target"/> (<c>x.M</c>, <c>x?.M</c>), or null for an implicit or explicit <c>this</c>.</summary>
    public static bool TryFindReceiver(ExpressionSyntax target, out ExpressionSyntax? receiver)
    {
        receiver = null;
        switch (target)
        {
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                receiver = access.Expression is ThisExpressionSyntax ? null : access.Expression;
                return access.Expression is not BaseExpressionSyntax;
            case MemberBindingExpressionSyntax binding when binding.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == binding:
                receiver = conditional.Expression;
                return true;
            case MemberBindingExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ConditionalAccessExpressionSyntax conditional } invoked } when conditional.WhenNotNull == invoked:
                receiver = conditional.Expression;
                return true;
            case MemberBindingExpressionSyntax:
                return false;
            case SimpleNameSyntax:
                return true;
            default:
                return false;
        }
    }

    public static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static ExpressionSyntax? ArgumentFor(ArgumentListSyntax arguments, IParameterSymbol parameter, int position)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameter.Name)
            {
                return argument.Expression;
            }
        }

        return position >= 0 && position < arguments.Arguments.Count && arguments.Arguments[position].NameColon is null
            ? arguments.Arguments[position].Expression
            : null;
    }

    /// <summary>The name after a dot (<c>x.Name</c>, <c>?.Name</c>, <c>A.Name</c>) or of a named argument: part of a larger node, or no member at all.</summary>
    private static bool IsQualifiedName(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == identifier,
        MemberBindingExpressionSyntax => true,
        QualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax or AliasQualifiedNameSyntax => true,
        _ => false,
    };

    private static bool IsInvoked(ExpressionSyntax expression) =>
        expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression
        || expression.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Name == expression && outer.Expression == access
        || expression.Parent is MemberBindingExpressionSyntax { Parent: InvocationExpressionSyntax bound } binding && binding.Name == expression && bound.Expression == binding;
}

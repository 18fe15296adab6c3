using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// A flagged call of a helper of the user's that rings (the analyzer reports a ring its caller must finish at the
/// call): the call, the doorbell it rings as the caller names it, and the receiver of a helper that takes the doorbell.
/// The doorbell is the helper's doorbell argument, the receiver of an extension helper, or, for a helper on
/// <c>this</c>, the field its body rings (named as the helper names it, which the caller in the same type shares).
/// </summary>
internal readonly struct HelperCall
{
    private HelperCall(InvocationExpressionSyntax invocation, ExpressionSyntax? doorbell, ExpressionSyntax? host)
    {
        Invocation = invocation;
        Doorbell = doorbell;
        Host = host;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public ExpressionSyntax? Doorbell { get; }

    public ExpressionSyntax? Host { get; }

    public static HelperCall? TryFind(ExpressionSyntax node, ISymbol member, ProtocolContext context)
    {
        if (node is not InvocationExpressionSyntax invocation || member is not IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } method
            || IsEnclosingMethod(invocation, method, context.Model))
        {
            return null; // a recursive call re-rings the method itself: the fix goes to its ring
        }

        if (context.Symbols.DoorbellParameter(method) is not null)
        {
            ExpressionSyntax? host = null;
            if (!ProtocolSyntax.TryFindDoorbell(invocation, method, context.Symbols, out var doorbell) || doorbell is null
                || (method is { IsStatic: false, ReducedFrom: null } && !ProtocolSyntax.TryFindReceiver(invocation.Expression, out host)))
            {
                return null;
            }

            return new HelperCall(invocation, doorbell, host);
        }

        // A helper on this that rings a field of its type: the caller, in the same type, names the field alike.
        if (method.IsStatic || !ProtocolSyntax.TryFindReceiver(invocation.Expression, out var receiver) || receiver is not null)
        {
            return null;
        }

        var field = RungField(method, context, invocation.SyntaxTree);
        return field is null ? null : new HelperCall(invocation, field, null);
    }

    private static bool IsEnclosingMethod(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model) =>
        SymbolEqualityComparer.Default.Equals(model.GetEnclosingSymbol(invocation.SpanStart)?.OriginalDefinition, method.OriginalDefinition);

    /// <summary>The doorbell a ring in the helper's body names, when it is a member of this in the same file.</summary>
    private static ExpressionSyntax? RungField(IMethodSymbol method, ProtocolContext context, SyntaxTree tree)
    {
        foreach (var reference in method.DeclaringSyntaxReferences.Where(r => r.SyntaxTree == tree))
        {
            foreach (var operation in ProtocolSyntax.OperationNodes(reference.GetSyntax()))
            {
                if (ProtocolSyntax.MemberOf(operation, context.Model) is { } member && context.Classify(member) == ProtocolOperation.Ring
                    && ProtocolSyntax.TryFindDoorbell(operation, member, context.Symbols, out var doorbell) && doorbell is not null
                    && context.Model.GetSymbolInfo(doorbell).Symbol is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false })
                {
                    return doorbell;
                }
            }
        }

        return null;
    }
}

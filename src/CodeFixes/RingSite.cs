using System.Collections.Generic;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// A flagged ring the fixes can rewrite: the ring as written (a call of <c>Doorbell.Ring</c> or of a ring wrapper, or
/// the assignment to a ring property), the doorbell it rings, and the protocol vocabulary of its compilation and file
/// (<see cref="ProtocolSymbols"/> and <see cref="WrapperConfiguration"/>, the analyzer's own).
/// </summary>
internal sealed class RingSite
{
    private RingSite(ExpressionSyntax ring, ISymbol member, ExpressionSyntax? doorbell, ExpressionSyntax? host, ProtocolContext context)
    {
        Ring = ring;
        Member = member;
        Doorbell = doorbell;
        Host = host;
        Context = context;
        DoorbellPath = CodeFixes.DoorbellPath.Of(doorbell, context.Model, ring.SpanStart);
        DoorbellType = doorbell is null
            ? context.Model.GetEnclosingSymbol(ring.SpanStart)?.ContainingType
            : context.Model.GetTypeInfo(doorbell).Type;
    }

    /// <summary>
    /// The expression that rings, as a statement would hold it: the invocation (for <c>d?.Ring(v)</c>, the invocation
    /// bound inside the conditional access), or the assignment <c>q.Tail = v</c> to a ring property.
    /// </summary>
    public ExpressionSyntax Ring { get; }

    /// <summary>The ring method or property.</summary>
    public ISymbol Member { get; }

    /// <summary>The doorbell expression as written at the ring (<c>d</c>, <c>_d</c>, <c>_queue.Doorbell</c>), or null for the implicit <c>this</c>.</summary>
    public ExpressionSyntax? Doorbell { get; }

    /// <summary>For a wrapper that takes the doorbell as an argument: the receiver it is called on, or null (static, or the implicit <c>this</c>).</summary>
    public ExpressionSyntax? Host { get; }

    /// <summary>The doorbell's access path, or null when it is not a plain path (then the fix hoists it).</summary>
    public IReadOnlyList<ISymbol>? DoorbellPath { get; }

    public ITypeSymbol? DoorbellType { get; }

    public ProtocolContext Context { get; }

    public SemanticModel Model => Context.Model;

    /// <summary>The ring is <c>d?.Ring(v)</c>: the fix runs only when the doorbell is not null.</summary>
    public bool IsConditional => Ring is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax };

    /// <summary>The diagnostic is on a call of a helper of the user's that rings (<c>Kick(d, wp)</c>), not on a ring member.</summary>
    public bool IsHelperCall => Context.Classify(Member) == ProtocolOperation.None;

    /// <summary>True for <c>Doorbell.Ring</c> itself (which has a <c>RingAndConfirm</c>), false for a user's wrapper.</summary>
    public bool IsRuntimeRing => Member is IMethodSymbol { Name: "Ring" } method && Context.Symbols.IsDoorbell(method.ContainingType);

    /// <summary>The ring the diagnostic span designates, or null when it is no ring this fix understands.</summary>
    public static RingSite? TryCreate(SyntaxNode root, TextSpan span, ProtocolContext context)
    {
        var node = FindRingNode(root, span);
        return node is null ? null : TryCreate(node, context);
    }

    /// <summary>
    /// The node the analyzer reports a ring on: the invocation, or for <c>d?.Ring(v)</c> the invocation inside the conditional
    /// access, or the property reference of a ring property.
    /// </summary>
    public static ExpressionSyntax? FindRingNode(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node is ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax whenNotNull })
        {
            return whenNotNull;
        }

        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        return node switch
        {
            InvocationExpressionSyntax invocation => invocation,
            MemberAccessExpressionSyntax or IdentifierNameSyntax => (ExpressionSyntax)node,
            _ => node.FirstAncestorOrSelf<InvocationExpressionSyntax>(),
        };
    }

    public static RingSite? TryCreate(ExpressionSyntax node, ProtocolContext context)
    {
        if (ProtocolSyntax.MemberOf(node, context.Model) is not { } member)
        {
            return null;
        }

        if (context.Classify(member) == ProtocolOperation.None)
        {
            return HelperCall.TryFind(node, member, context) is { } call ? new RingSite(call.Invocation, member, call.Doorbell, call.Host, context) : null;
        }

        if (context.Classify(member) != ProtocolOperation.Ring || !ProtocolSyntax.TryFindDoorbell(node, member, context.Symbols, out var doorbell))
        {
            return null;
        }

        var ring = node;
        if (member is IPropertySymbol)
        {
            // A ring property is rung by assigning it (or, for a getter that rings, by reading it).
            ring = node.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Left == node
                ? assignment
                : node;
        }

        ExpressionSyntax? host = null;
        if (member is IMethodSymbol { IsStatic: false, ReducedFrom: null } method && ProtocolSyntax.DoorbellArgument(method, context.Symbols) is not null
            && node is InvocationExpressionSyntax invocation)
        {
            if (!ProtocolSyntax.TryFindReceiver(invocation.Expression, out host))
            {
                return null;
            }
        }

        return new RingSite(ring, member, doorbell, host, context);
    }

    /// <summary>The expression is the same doorbell as this ring's (same access path); null stands for the implicit <c>this</c>.</summary>
    public bool IsSameDoorbell(ExpressionSyntax? expression, int position) =>
        DoorbellPath is not null && CodeFixes.DoorbellPath.Same(DoorbellPath, CodeFixes.DoorbellPath.Of(expression, Model, position));

    /// <summary>The operation node (a call or property reference) is <paramref name="operation"/> on this ring's doorbell.</summary>
    public bool IsOperationOnSameDoorbell(ExpressionSyntax node, ProtocolOperation operation) =>
        ProtocolSyntax.MemberOf(node, Model) is { } member
        && Context.Classify(member) == operation
        && ProtocolSyntax.TryFindDoorbell(node, member, Context.Symbols, out var doorbell)
        && IsSameDoorbell(doorbell, node.SpanStart);

    /// <summary>The statement is a call alone (<c>X(...);</c>), and the call is <paramref name="operation"/> on this ring's doorbell.</summary>
    public bool IsOperationStatement(StatementSyntax statement, ProtocolOperation operation) =>
        statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } && IsOperationOnSameDoorbell(invocation, operation);

    /// <summary>Some operation node under <paramref name="scope"/> is <paramref name="operation"/> on this ring's doorbell.</summary>
    public bool ContainsOperationOnSameDoorbell(SyntaxNode scope, ProtocolOperation operation)
    {
        foreach (var node in ProtocolSyntax.OperationNodes(scope))
        {
            if (IsOperationOnSameDoorbell(node, operation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Anything under <paramref name="node"/> rings a doorbell (a ring, a ring wrapper, or RingAndConfirm).</summary>
    public bool ContainsSubmission(SyntaxNode node)
    {
        foreach (var operation in ProtocolSyntax.OperationNodes(node))
        {
            if (ProtocolSyntax.MemberOf(operation, Model) is { } member && Context.Classify(member) is ProtocolOperation.Ring or ProtocolOperation.Complete)
            {
                return true;
            }
        }

        return false;
    }
}

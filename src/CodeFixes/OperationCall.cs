using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// One of the user's protocol members (a status read, connect or notify) and how to call it on the flagged ring's
/// doorbell: on the doorbell itself (<c>d.ReadStatus()</c>, <c>engine.Status</c>, <c>Reconnect()</c> on <c>this</c>),
/// or with the doorbell as its argument, on the ring wrapper's own receiver or static class (<c>submitter.Poll(d)</c>,
/// <c>Vendor.Check(d)</c>).
/// </summary>
internal sealed class OperationCall
{
    private readonly IParameterSymbol? _doorbellParameter;

    private OperationCall(ISymbol member, IParameterSymbol? doorbellParameter, bool onHost)
    {
        Member = member;
        _doorbellParameter = doorbellParameter;
        OnHost = onHost;
    }

    public ISymbol Member { get; }

    /// <summary>An instance member that takes the doorbell as an argument: called on the ring wrapper's receiver.</summary>
    public bool OnHost { get; }

    /// <summary>A member that acts on its receiver, called on the doorbell (an extension method in its reduced form too).</summary>
    public static OperationCall OnDoorbell(ISymbol member) => new(member, null, onHost: false);

    /// <summary>A member that takes the doorbell as <paramref name="parameter"/>: static, or on the ring wrapper's receiver.</summary>
    public static OperationCall WithDoorbellArgument(IMethodSymbol method, IParameterSymbol parameter) =>
        new(method, parameter, onHost: !method.IsStatic);

    /// <summary>The call, on <paramref name="doorbell"/> (null: the implicit <c>this</c>) and the ring's <paramref name="host"/>.</summary>
    public ExpressionSyntax Expression(ExpressionSyntax? doorbell, ExpressionSyntax? host, SyntaxGenerator generator)
    {
        var name = SyntaxFactory.IdentifierName(Member.Name);
        if (_doorbellParameter is null)
        {
            // A reduced extension method needs a receiver written out, even when it is this.
            var receiver = doorbell?.WithoutTrivia() ?? (Member is IMethodSymbol { ReducedFrom: not null } ? SyntaxFactory.ThisExpression() : null);
            ExpressionSyntax access = receiver is null ? name : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, name);
            return Member is IPropertySymbol ? access : SyntaxFactory.InvocationExpression(access);
        }

        var argumentValue = doorbell?.WithoutTrivia() ?? SyntaxFactory.ThisExpression();
        var argument = SyntaxFactory.Argument(argumentValue);
        if (_doorbellParameter.Ordinal > 0)
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(_doorbellParameter.Name));
        }

        ExpressionSyntax target;
        if (OnHost)
        {
            target = host is null ? name : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, host.WithoutTrivia(), name);
        }
        else
        {
            target = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, DoorbellSyntax.TypeAsExpression(generator, Member.ContainingType), name);
        }

        return SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(argument)));
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// DBL006's rewrite: an ordinary doorbell store becomes <c>Volatile.Write(ref location, value)</c>, a release that
/// publishes the packets written before it. <c>*p = v</c>, <c>p[0] = v</c> and <c>Unsafe.AsRef&lt;T&gt;(p) = v</c> keep
/// their location as written (casts included); <c>Unsafe.Write(p, v)</c> becomes <c>ref *p</c> (cast to the written
/// type when <c>p</c> points to another); <c>Marshal.WriteInt64(ptr, v)</c>, in unsafe code, <c>ref *(long*)ptr</c>. The
/// type is written <c>System.Threading.Volatile</c> and simplified when the file already imports the namespace.
/// </summary>
internal static class VolatileWriteRewrite
{
    /// <summary>The store at <paramref name="node"/> rewritten, or null when it is no store this fix can write as a release.</summary>
    public static ExpressionSyntax? TryRewrite(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var volatileType = model.Compilation.GetTypeByMetadataName("System.Threading.Volatile");
        // Volatile.Write returns nothing: only a store whose value is not used can become one.
        if (volatileType is null || model.GetOperation(node, cancellationToken) is not { Parent: IExpressionStatementOperation } operation)
            return null;
        var parts = operation switch
        {
            ISimpleAssignmentOperation assignment when node is AssignmentExpressionSyntax syntax => (Location: syntax.Left, Value: syntax.Right),
            IInvocationOperation invocation when node is InvocationExpressionSyntax syntax => StoreCall(invocation, syntax, model, cancellationToken),
            _ => default,
        };
        if (parts.Location is null || parts.Value is null)
            return null;

        var write = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
            // Parsed as an expression (not a type name), so the simplified text has the tree a parser gives it.
            SyntaxFactory.ParseExpression("global::System.Threading.Volatile").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.IdentifierName("Write"));
        var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
        {
            SyntaxFactory.Argument(parts.Location.WithoutTrivia()).WithRefKindKeyword(SyntaxFactory.Token(SyntaxKind.RefKeyword).WithTrailingTrivia(SyntaxFactory.Space)),
            SyntaxFactory.Argument(parts.Value.WithoutTrivia()),
        }));
        return SyntaxFactory.InvocationExpression(write, arguments).WithTriviaFrom(node);
    }

    /// <summary>The location and value of <c>Unsafe.Write(p, v)</c> or <c>Marshal.WriteInt64(ptr, v)</c>.</summary>
    private static (ExpressionSyntax? Location, ExpressionSyntax? Value) StoreCall(IInvocationOperation invocation, InvocationExpressionSyntax syntax, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var arguments = syntax.ArgumentList.Arguments;
        // Marshal.WriteInt64(ptr, 0, v): the analyzer reports it only with a zero offset, which the rewrite drops.
        var withZeroOffset = arguments.Count == 3 && model.GetConstantValue(arguments[1].Expression, cancellationToken) is { HasValue: true, Value: 0 };
        if ((arguments.Count != 2 && !withZeroOffset) || arguments.Any(a => a.NameColon is not null))
            return default;
        var pointer = arguments[0].Expression;
        var value = arguments[arguments.Count - 1].Expression;
        switch (method.Name)
        {
            case "Write" or "WriteUnaligned" when method.ContainingType.Name == "Unsafe" && method.TypeArguments.Length == 1 && !withZeroOffset:
                var written = method.TypeArguments[0];
                var pointerType = model.GetTypeInfo(pointer, cancellationToken).Type as IPointerTypeSymbol;
                var typed = pointerType is not null && SymbolEqualityComparer.Default.Equals(pointerType.PointedAtType, written)
                    ? Parenthesized(pointer)
                    : SyntaxFactory.CastExpression(SyntaxFactory.PointerType(TypeName(written)), Parenthesized(pointer));
                return (SyntaxFactory.PrefixUnaryExpression(SyntaxKind.PointerIndirectionExpression, typed), value);
            case "WriteInt64" or "WriteInt32" when method.ContainingType.Name == "Marshal" && IsUnsafeContext(syntax):
                var word = method.Parameters[method.Parameters.Length - 1].Type;
                var cast = SyntaxFactory.CastExpression(SyntaxFactory.PointerType(TypeName(word)), Parenthesized(pointer));
                return (SyntaxFactory.PrefixUnaryExpression(SyntaxKind.PointerIndirectionExpression, cast), value);
            default:
                return default;
        }
    }

    private static TypeSyntax TypeName(ITypeSymbol type) =>
        SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes)));

    /// <summary>A simple name or member access stays as it is after a cast or <c>*</c>; anything else gets parentheses.</summary>
    private static ExpressionSyntax Parenthesized(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

    private static bool IsUnsafeContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case UnsafeStatementSyntax:
                    return true;
                case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                    return true;
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                    return true;
            }
        }

        return false;
    }
}

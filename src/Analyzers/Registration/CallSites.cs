using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// Whether a helper is called by name where it can be called from: read from the syntax of its type (a private
/// method), its containing member (a local function) or the compilation's trees that mention its name (an internal
/// one). A name match is enough: the question is whether the method is a helper or an entry point.
/// </summary>
internal static class CallSites
{
    public static bool Exist(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken) =>
        Candidates(method, compilation, cancellationToken).Any();

    /// <summary>The calls of <paramref name="method"/> other than its own recursive ones, in source order, each checked by its symbol.</summary>
    public static ImmutableArray<Location> Find(IMethodSymbol method, Compilation compilation, Func<SyntaxTree, SemanticModel> semanticModelOf, CancellationToken cancellationToken)
    {
        var calls = ImmutableArray.CreateBuilder<Location>();
        foreach (var invocation in Candidates(method, compilation, cancellationToken))
        {
            var called = semanticModelOf(invocation.SyntaxTree).GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
            if (called is not null && SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, method.OriginalDefinition))
                calls.Add(invocation.GetLocation());
        }

        return calls.ToImmutable();
    }

    /// <summary>The invocations that name <paramref name="method"/> where it can be called from, outside its own body.</summary>
    private static IEnumerable<InvocationExpressionSyntax> Candidates(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var own = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToArray();
        foreach (var scope in Scopes(method, compilation, cancellationToken))
        {
            foreach (var invocation in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (NameOf(invocation.Expression) == method.Name && !own.Any(body => body.Span.Contains(invocation.Span) && body.SyntaxTree == invocation.SyntaxTree))
                    yield return invocation;
            }
        }
    }

    private static IEnumerable<SyntaxNode> Scopes(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var container = reference.GetSyntax(cancellationToken).Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax);
                if (container is not null)
                    yield return container;
            }

            yield break;
        }

        if (method.DeclaredAccessibility == Accessibility.Private && method.ContainingType is { } type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
                yield return reference.GetSyntax(cancellationToken);
            yield break;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetText(cancellationToken).ToString().Contains(method.Name))
                yield return tree.GetRoot(cancellationToken);
        }
    }

    private static string? NameOf(ExpressionSyntax callee) => callee switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax access => NameOf(access.Name),
        MemberBindingExpressionSyntax binding => NameOf(binding.Name),
        _ => null,
    };
}

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
        var target = method.AssociatedSymbol is IPropertySymbol property ? property.OriginalDefinition : (ISymbol)method.OriginalDefinition;
        foreach (var (use, name) in Candidates(method, compilation, cancellationToken))
        {
            var called = semanticModelOf(use.SyntaxTree).GetSymbolInfo(name, cancellationToken).Symbol;
            if (called is not null && SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, target))
                calls.Add(use.GetLocation());
        }

        return calls.ToImmutable();
    }

    /// <summary>
    /// The uses that name <paramref name="method"/> where it can be called from, outside its own body: invocations, or
    /// for a property accessor the reads (getter) or assignments (setter) of its property; each with the name to bind.
    /// </summary>
    private static IEnumerable<(SyntaxNode Use, ExpressionSyntax Name)> Candidates(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var own = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToArray();
        var property = method.AssociatedSymbol as IPropertySymbol;
        var name = property?.Name ?? method.Name;
        foreach (var scope in Scopes(method, name, compilation, cancellationToken))
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (own.Any(body => body.Span.Contains(node.Span) && body.SyntaxTree == node.SyntaxTree))
                    continue;
                if (property is null)
                {
                    if (node is InvocationExpressionSyntax invocation && NameOf(invocation.Expression) == name)
                        yield return (invocation, invocation.Expression);
                }
                else if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                {
                    var access = identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? (ExpressionSyntax)member : identifier;
                    var assigned = access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access;
                    if (assigned == (method.MethodKind == MethodKind.PropertySet))
                        yield return (assigned ? access.Parent! : access, identifier);
                }
            }
        }
    }

    private static IEnumerable<SyntaxNode> Scopes(IMethodSymbol method, string name, Compilation compilation, CancellationToken cancellationToken)
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
            if (tree.GetText(cancellationToken).ToString().Contains(name))
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

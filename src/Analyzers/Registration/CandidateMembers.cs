using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// The pieces of a tree that hold code the driver would hand an operation-block action, restricted to those whose text
/// may ring: a method, constructor, operator or accessor; a property's or indexer's expression body; a field's or
/// property's initializer; a primary constructor's base arguments; the top-level statements. Only containers whose span
/// may ring are entered, so a tree's walk costs about its ringing members, not its size.
/// </summary>
internal static class CandidateMembers
{
    /// <summary>
    /// Adds to <paramref name="found"/> every code holder of <paramref name="root"/> whose span <paramref name="mayRing"/>
    /// accepts and that meets <paramref name="filter"/> (the IDE's one-member request; null for the whole tree).
    /// </summary>
    public static void Collect(SyntaxNode root, Func<TextSpan, bool> mayRing, TextSpan? filter, List<SyntaxNode> found, CancellationToken cancellationToken)
    {
        if (mayRing(root.FullSpan))
            Visit(root, mayRing, filter, found, cancellationToken);
    }

    /// <summary>The operation root of a code holder <see cref="Collect"/> found, and the symbol the driver names its owner; null when it has none.</summary>
    public static (IOperation Root, ISymbol Owner)? Resolve(SemanticModel model, SyntaxNode holder, CancellationToken cancellationToken)
    {
        var owner = holder switch
        {
            CompilationUnitSyntax unit => model.GetDeclaredSymbol(unit, cancellationToken),
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } => (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property, cancellationToken),
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
            TypeDeclarationSyntax type => PrimaryConstructor(model.GetDeclaredSymbol(type, cancellationToken), type),
            _ => model.GetDeclaredSymbol(holder, cancellationToken),
        };
        if (owner is null || model.GetOperation(holder, cancellationToken) is not { } root)
            return null;
        return (root, owner);
    }

    private static void Visit(SyntaxNode container, Func<TextSpan, bool> mayRing, TextSpan? filter, List<SyntaxNode> found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var topLevelStatements = false;
        foreach (var member in container.ChildNodes())
        {
            if (filter is { } span && !member.FullSpan.IntersectsWith(span))
                continue;
            if (!mayRing(member.Span))
                continue;
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax:
                    Visit(member, mayRing, filter, found, cancellationToken);
                    break;
                case TypeDeclarationSyntax type:
                    if (type.ParameterList is not null && type.BaseList is { } bases && mayRing(bases.Span))
                        found.Add(type);
                    Visit(member, mayRing, filter, found, cancellationToken);
                    break;
                case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    found.Add(method);
                    break;
                case BasePropertyDeclarationSyntax property:
                    AddPropertyParts(property, mayRing, found);
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var declarator in field.Declaration.Variables)
                    {
                        if (declarator.Initializer is { } initializer && mayRing(initializer.Span))
                            found.Add(initializer);
                    }

                    break;
                case GlobalStatementSyntax when !topLevelStatements:
                    topLevelStatements = true;
                    found.Add(container);
                    break;
            }
        }
    }

    private static void AddPropertyParts(BasePropertyDeclarationSyntax property, Func<TextSpan, bool> mayRing, List<SyntaxNode> found)
    {
        var expressionBody = property switch
        {
            PropertyDeclarationSyntax p => p.ExpressionBody,
            IndexerDeclarationSyntax i => i.ExpressionBody,
            _ => null,
        };
        if (expressionBody is not null && mayRing(expressionBody.Span))
            found.Add(expressionBody);
        if (property is PropertyDeclarationSyntax { Initializer: { } initializer } && mayRing(initializer.Span))
            found.Add(initializer);
        if (property.AccessorList is null)
            return;
        // A property named as a ring member ([DoorbellRing] on it or on an accessor): its accessors are the wrapper's body.
        var namedAsRing = property is PropertyDeclarationSyntax named && mayRing(named.Identifier.Span);
        foreach (var accessor in property.AccessorList.Accessors)
        {
            if ((accessor.Body is not null || accessor.ExpressionBody is not null) && (namedAsRing || mayRing(accessor.Span)))
                found.Add(accessor);
        }
    }

    private static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol? type, TypeDeclarationSyntax syntax)
    {
        if (type is null)
            return null;
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == syntax.SyntaxTree && reference.Span == syntax.Span)
                    return constructor;
            }
        }

        return null;
    }
}

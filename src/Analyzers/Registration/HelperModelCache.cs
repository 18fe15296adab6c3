using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// The helper summaries of one compilation: each helper's body translated once per depth, on first use, and kept
/// with the compilation's analysis (never longer). A helper being summarised that calls itself, directly or not, has
/// no summary: that call is then opaque.
/// </summary>
internal sealed class HelperModelCache : IHelperModels
{
    /// <summary>A helper bigger than this is not summarised: calls to it stay opaque.</summary>
    public const int MaxHelperBlocks = 400;

    [ThreadStatic]
    private static HashSet<IMethodSymbol>? s_building;

    private readonly ProtocolSymbols _symbols;
    private readonly Func<SyntaxTree, WrapperConfiguration> _configurationFor;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), HelperModel?> _models = new(new MethodAndDepthComparer());
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _hasCallers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Location>> _calls = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Location?> _factories = new(SymbolEqualityComparer.Default);

    public HelperModelCache(ProtocolSymbols symbols, Func<SyntaxTree, WrapperConfiguration> configurationFor)
    {
        _symbols = symbols;
        _configurationFor = configurationFor;
    }

    public HelperModel? Get(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (_models.TryGetValue((method, depth), out var known))
            return known;
        var building = s_building ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!building.Add(method))
            return null; // recursion through helpers: forget rather than follow forever
        try
        {
            return _models.GetOrAdd((method, depth), Build(method, depth, cancellationToken));
        }
        finally
        {
            building.Remove(method);
        }
    }

    private HelperModel? Build(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        var (body, tree) = BodyOf(method, cancellationToken);
        if (body is null)
            return null;
        var walker = new StructuredWalker(_symbols, _configurationFor(tree!), method, suppressOwnRings: false,
            CapturedRoots.Collect(NestedFunctions.Of(body)), cancellationToken, depth > 1 ? this : null, depth - 1);
        return StructuredModelBuilder.TryBuildSummary(method, body, walker, MaxHelperBlocks);
    }

    /// <summary>The operation of the body of <paramref name="method"/>, from its first declaration with one.</summary>
    private (IOperation? Body, SyntaxTree? Tree) BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is not (BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
                or LocalFunctionStatementSyntax { Body: not null } or LocalFunctionStatementSyntax { ExpressionBody: not null }
                or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }
                or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax }))
                continue;
            var operation = SemanticModelOf(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
            IOperation? body = operation switch
            {
                IMethodBodyOperation methodBody => methodBody,
                ILocalFunctionOperation localFunction => localFunction.Body,
                IBlockOperation block when syntax is ArrowExpressionClauseSyntax => block, // int P => expr;
                _ => null,
            };
            return (body, syntax.SyntaxTree);
        }

        return (null, null);
    }

    public Location? UnconnectedCreation(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_factories.TryGetValue(method, out var known))
            return known;
        var (body, tree) = BodyOf(method, cancellationToken);
        var creation = body is null ? null : FactoryCreation.Find(body, _symbols, _configurationFor(tree!));
        return _factories.GetOrAdd(method, creation?.Syntax.GetLocation());
    }

    public bool HasCallers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_hasCallers.TryGetValue(method, out var known))
            return known;
        return _hasCallers.GetOrAdd(method, CallSites.Exist(method, _symbols.Compilation, cancellationToken));
    }

    public ImmutableArray<Location> CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_calls.TryGetValue(method, out var known))
            return known;
        return _calls.GetOrAdd(method, CallSites.Find(method, _symbols.Compilation, SemanticModelOf, cancellationToken));
    }

#pragma warning disable RS1030 // A helper's body lies outside the operation block being analyzed: a model per tree, kept for the compilation's analysis.
    private SemanticModel SemanticModelOf(SyntaxTree tree) => _semanticModels.GetOrAdd(tree, t => _symbols.Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    private sealed class MethodAndDepthComparer : IEqualityComparer<(IMethodSymbol Method, int Depth)>
    {
        public bool Equals((IMethodSymbol Method, int Depth) x, (IMethodSymbol Method, int Depth) y) =>
            x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Depth) obj) => (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Depth;
    }
}

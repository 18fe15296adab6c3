using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// The roots (locals, parameters, this, static members) that a function's lambdas and local functions use. Calling a
/// local function or a delegate, or handing a delegate to a method, may touch their doorbells: those keys escape.
/// </summary>
internal sealed class CapturedRoots
{
    private readonly HashSet<ISymbol> _symbols = new(SymbolEqualityComparer.Default);
    private bool _this;

    public bool Any => _this || _symbols.Count != 0;

    public bool Contains(AccessPath key) => key.Kind == AccessRootKind.This ? _this : _symbols.Contains(key.Root!);

    /// <summary>Whether a lambda or local function uses <paramref name="local"/>.</summary>
    public bool Contains(ILocalSymbol local) => _symbols.Contains(local);

    /// <summary>The roots the given nested functions use, read from their operation trees (the structured path).</summary>
    public static CapturedRoots Collect(IReadOnlyList<NestedFunctionBody> nested)
    {
        var roots = new CapturedRoots();
        foreach (var function in nested)
            roots.Add(function.Body);
        return roots;
    }

    public static CapturedRoots Collect(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        var roots = new CapturedRoots();
        foreach (var nested in NestedFunctions.Of(graph, cancellationToken))
            roots.AddReferences(nested.Graph, cancellationToken, depth: 0);
        return roots;
    }

    private void AddReferences(ControlFlowGraph graph, CancellationToken cancellationToken, int depth)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
                Add(operation);
            if (block.BranchValue is { } branchValue)
                Add(branchValue);
        }

        if (depth < NestedFunctions.MaxDepth)
        {
            foreach (var nested in NestedFunctions.Of(graph, cancellationToken))
                AddReferences(nested.Graph, cancellationToken, depth + 1);
        }
    }

    private void Add(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    _symbols.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    _symbols.Add(parameter.Parameter);
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    _this = true;
                    break;
                case IFieldReferenceOperation { Field.IsStatic: true } field:
                    _symbols.Add(field.Field.OriginalDefinition);
                    break;
                case IPropertyReferenceOperation { Property.IsStatic: true } property:
                    _symbols.Add(property.Property.OriginalDefinition);
                    break;
            }
        }
    }
}

/// <summary>A lambda or local function of a graph, with its own graph.</summary>
internal readonly struct NestedFunction
{
    public NestedFunction(IMethodSymbol symbol, ControlFlowGraph graph)
    {
        Symbol = symbol;
        Graph = graph;
    }

    public IMethodSymbol Symbol { get; }

    public ControlFlowGraph Graph { get; }
}

/// <summary>A lambda or local function, with its body in the operation tree.</summary>
internal readonly struct NestedFunctionBody
{
    public NestedFunctionBody(IMethodSymbol symbol, IBlockOperation body)
    {
        Symbol = symbol;
        Body = body;
    }

    public IMethodSymbol Symbol { get; }

    public IBlockOperation Body { get; }
}

/// <summary>Finds the lambdas and local functions a function defines (each is analyzed on its own).</summary>
internal static class NestedFunctions
{
    /// <summary>Nesting deeper than this is left alone.</summary>
    public const int MaxDepth = 8;

    /// <summary>The lambdas and local functions defined directly in <paramref name="body"/> (not those nested in them).</summary>
    public static IReadOnlyList<NestedFunctionBody> Of(IOperation body)
    {
        List<NestedFunctionBody>? found = null;
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    (found ??= new List<NestedFunctionBody>()).Add(new NestedFunctionBody(lambda.Symbol, lambda.Body));
                    continue;
                case ILocalFunctionOperation { Body: { } localBody } localFunction:
                    (found ??= new List<NestedFunctionBody>()).Add(new NestedFunctionBody(localFunction.Symbol, localBody));
                    continue;
                case ILocalFunctionOperation:
                    continue;
            }

            foreach (var child in operation.ChildOperations)
                pending.Push(child);
        }

        if (found is null)
            return Array.Empty<NestedFunctionBody>();
        found.Reverse(); // the stack met them last to first
        return found;
    }

    public static IEnumerable<NestedFunction> Of(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        foreach (var localFunction in graph.LocalFunctions)
            yield return new NestedFunction(localFunction, graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken));

        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                foreach (var lambda in AnonymousFunctions(operation))
                    yield return new NestedFunction(lambda.Symbol, graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken));
            }

            if (block.BranchValue is { } branchValue)
            {
                foreach (var lambda in AnonymousFunctions(branchValue))
                    yield return new NestedFunction(lambda.Symbol, graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken));
            }
        }
    }

    private static IEnumerable<IFlowAnonymousFunctionOperation> AnonymousFunctions(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IFlowAnonymousFunctionOperation lambda)
                yield return lambda;
        }
    }
}

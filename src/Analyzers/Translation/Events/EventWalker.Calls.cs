using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Calls: protocol operations, helpers followed, recursion, and the calls the analysis knows nothing about.</summary>
internal partial class EventWalker
{
    private WalkValue WalkInvocation(IInvocationOperation invocation)
    {
        if (_symbols.Raw && TryWalkRawCall(invocation, invocation.Arguments, out var raw))
            return raw;
        var method = invocation.TargetMethod;
        var operation = _symbols.Classify(method, _configuration);
        if (operation is not ProtocolOperation.None and not ProtocolOperation.Create)
        {
            var parameter = _symbols.DoorbellParameter(method);
            var isDoorbellMember = _symbols.IsDoorbell(method.ContainingType);
            if (parameter is null || isDoorbellMember)
            {
                var receiver = Walk(invocation.Instance);
                foreach (var argument in invocation.Arguments)
                    Consume(Walk(argument.Value));
                return ApplyProtocolOperation(invocation, operation, receiver, invocation.Instance);
            }

            Consume(Walk(invocation.Instance));
            var target = WalkValue.Other;
            IOperation? targetOperation = null;
            foreach (var argument in invocation.Arguments)
            {
                var value = Walk(argument.Value);
                if (argument.Parameter is not null && SymbolEqualityComparer.Default.Equals(argument.Parameter.OriginalDefinition, parameter))
                {
                    target = value;
                    targetOperation = argument.Value;
                }
                else
                {
                    Consume(value);
                }
            }

            return ApplyProtocolOperation(invocation, operation, target, targetOperation);
        }

        if (operation == ProtocolOperation.Create)
        {
            Consume(Walk(invocation.Instance));
            foreach (var argument in invocation.Arguments)
                Consume(Walk(argument.Value));
            return WalkValue.CreatedAt(Sites.AddCreation(invocation));
        }

        if (_function is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _function.OriginalDefinition))
            return WalkRecursiveCall(invocation);

        // A call to something else: followed into a helper's body where it can be, else opaque.
        var instance = Walk(invocation.Instance);
        if (instance.Kind == ValueKind.Holder && method.Name == "GetValueOrDefault" && method.Parameters.IsEmpty && IsNullable(method.ContainingType))
            return instance; // d?.ReadStatus() ?? fallback: the value passes through

        // A plain array: this runs for every call that is not a protocol operation, most calls of a method.
        var argumentValues = invocation.Arguments.IsEmpty ? System.Array.Empty<WalkValue>() : new WalkValue[invocation.Arguments.Length];
        for (var i = 0; i < argumentValues.Length; i++)
            argumentValues[i] = Walk(invocation.Arguments[i].Value);
        if (TryFactory(invocation, instance, argumentValues, out var result) || TryFollow(invocation, instance, argumentValues, out result))
            return result;
        OpaqueCall(invocation, instance, argumentValues);
        return WalkValue.Other;
    }

    private bool TryFollow(IInvocationOperation invocation, WalkValue instance, WalkValue[] arguments, out WalkValue result)
    {
        result = WalkValue.Other;
        if (_helperModels is null || InlineTarget is null || _callDepth <= 0 || !HelperCalls.CanFollow(invocation.TargetMethod) || HelperCalls.PassesDelegate(invocation))
            return false;
        var helper = _helperModels.Get(invocation.TargetMethod.OriginalDefinition, _callDepth, CancellationToken);
        return helper is not null && HelperInliner.TryInline(this, InlineTarget, helper, invocation, instance, arguments, out result);
    }

    /// <summary>
    /// Whether a property access is followed into its accessor: a getter or setter of the compilation that no override
    /// can replace, of a property that holds no doorbell (those are access paths), on this, a static or a plain path.
    /// </summary>
    private bool FollowsAccessor(IMethodSymbol accessor, IPropertyReferenceOperation property) =>
        _helperModels is not null && InlineTarget is not null && _callDepth > 0 && !accessor.DeclaringSyntaxReferences.IsEmpty
        && HelperCalls.CanFollow(accessor) && !_symbols.HoldsDoorbell(property.Property.Type, _configuration)
        && (property.Instance is null or IInstanceReferenceOperation || Paths.TryPath(property.Instance) is not null)
        && !SymbolEqualityComparer.Default.Equals(accessor.OriginalDefinition, _function?.OriginalDefinition);

    /// <summary>Inlines the accessor's summary at <paramref name="use"/>; false (nothing emitted) when it has none.</summary>
    private bool TryFollowAccessor(IOperation use, IPropertyReferenceOperation property, IMethodSymbol accessor, out WalkValue result)
    {
        result = WalkValue.Other;
        var helper = _helperModels!.Get(accessor.OriginalDefinition, _callDepth, CancellationToken);
        return helper is not null && HelperInliner.TryInlineAccessor(this, InlineTarget!, helper, use, property, Walk(property.Instance), out result);
    }

    /// <summary>A call of a factory helper that returns a doorbell it created and did not connect: a creation, placed in the factory.</summary>
    private bool TryFactory(IInvocationOperation invocation, WalkValue instance, WalkValue[] arguments, out WalkValue result)
    {
        result = WalkValue.Other;
        var method = invocation.TargetMethod;
        if (_helperModels is null || _callDepth <= 0 || !_symbols.IsDoorbell(method.ReturnType) || !HelperCalls.CanFollow(method)
            || _helperModels.UnconnectedCreation(method.OriginalDefinition, CancellationToken) is not { } creation)
            return false;
        Consume(instance);
        foreach (var argument in arguments)
            Consume(argument);
        result = WalkValue.CreatedAt(Sites.AddCreation(creation));
        return true;
    }

    /// <summary>A call we cannot see into: whatever it receives escapes.</summary>
    private void OpaqueCall(IInvocationOperation invocation, WalkValue instance, WalkValue[] arguments)
    {
        var method = invocation.TargetMethod;
        if (instance.Kind == ValueKind.Key && (_symbols.IsDoorbell(method.ContainingType) || _symbols.IsDoorbell(StripConversions(invocation.Instance)?.Type)))
        {
            // Dispose (also through IDisposable), ToString, ...: the sealed doorbell's members that play no part in the protocol.
        }
        else if (instance.Kind == ValueKind.Holder && method.Name is "ToString" or "GetHashCode" or "GetType")
        {
            // Showing a status is not handling it, nor handing it over.
        }
        else if (instance.Kind == ValueKind.Key && instance.Path!.Kind == AccessRootKind.This && instance.Path.Steps.IsEmpty)
        {
            // A helper on this (Log(), UpdateFence()) may touch our fields: only those it can see escape.
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.ThisTouchedBy, callee: method));
        }
        else
        {
            Consume(instance);
        }

        var passesDelegate = method.MethodKind is MethodKind.LocalFunction or MethodKind.DelegateInvoke;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            passesDelegate |= argument.Value.Type?.TypeKind == TypeKind.Delegate || StripConversions(argument.Value) is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or IDelegateCreationOperation;
            Consume(arguments[i]);
        }

        if (passesDelegate && _captured.Any)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Captured));
        if (method.ContainingType is { } containing)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.StaticOfType, type: containing));
    }

    /// <summary>A recursive call with the same doorbell is the retry ring (and runs the whole protocol again).</summary>
    private WalkValue WalkRecursiveCall(IInvocationOperation invocation)
    {
        var site = -1;
        var instance = Walk(invocation.Instance);
        if (instance.Kind == ValueKind.Key && instance.Path!.Kind == AccessRootKind.This && instance.Path.Steps.IsEmpty)
            RecursiveRing(ref site, invocation, instance.Path);
        else
            Consume(instance);

        foreach (var argument in invocation.Arguments)
        {
            var value = Walk(argument.Value);
            if (value.Kind == ValueKind.Key && value.Path!.Kind == AccessRootKind.Parameter && value.Path.Steps.IsEmpty &&
                argument.Parameter is not null && SymbolEqualityComparer.Default.Equals(value.Path.Root, argument.Parameter.OriginalDefinition))
                RecursiveRing(ref site, invocation, value.Path);
            else
                Consume(value);
        }

        if (site < 0)
            site = Sites.Add(invocation, null);
        Emit(new RawEvent(ProtocolEventKind.RecursiveRing, RawScope.AllStatic, site: site));
        return WalkValue.Other;
    }

    private void RecursiveRing(ref int site, IOperation invocation, AccessPath path)
    {
        if (site < 0)
            site = Sites.Add(invocation, null);
        HasRing = true;
        Emit(new RawEvent(ProtocolEventKind.RecursiveRing, RawScope.Prefix, path, site: site));
    }

    private WalkValue ApplyProtocolOperation(IOperation operation, ProtocolOperation kind, WalkValue target, IOperation? targetOperation)
    {
        if (target.Kind != ValueKind.Key)
        {
            // A doorbell we cannot name (a call's result, an ambiguous capture): say nothing about it.
            Consume(target);
            return WalkValue.Other;
        }

        var path = target.Path!;
        switch (kind)
        {
            case ProtocolOperation.Ring:
                if (_suppressOwnRings)
                    return WalkValue.Other;
                HasRing = true;
                Emit(new RawEvent(ProtocolEventKind.Ring, RawScope.Exact, path, site: Sites.Add(operation, targetOperation)));
                return WalkValue.Other;
            case ProtocolOperation.ReadStatus:
                return WalkValue.ReadOf(path);
            case ProtocolOperation.Connect:
                Emit(new RawEvent(ProtocolEventKind.Connect, RawScope.Exact, path));
                return WalkValue.Other;
            case ProtocolOperation.Notify:
                Emit(new RawEvent(ProtocolEventKind.Notify, RawScope.Exact, path));
                return WalkValue.Other;
            case ProtocolOperation.Complete:
                Emit(new RawEvent(ProtocolEventKind.Complete, RawScope.Prefix, path));
                return WalkValue.Other;
            default:
                return WalkValue.Other;
        }
    }
}

using System;
using System.Collections.Generic;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// The cheap question asked of every member whose text may ring: does anything in it ring? One walk over the operation tree, with no
/// allocation, classifying only calls and property references. Most methods of most projects stop here.
/// </summary>
internal static class RingScan
{
    [ThreadStatic]
    private static Stack<IOperation>? s_pending;

    /// <summary>
    /// Whether the code under <paramref name="root"/> rings, or (with <paramref name="followHelpers"/>) calls a helper
    /// that may: one of the compilation that receives something holding a doorbell.
    /// </summary>
    public static bool AnyRing(IOperation root, ProtocolSymbols symbols, WrapperConfiguration configuration, bool followHelpers)
    {
        var pending = s_pending ??= new Stack<IOperation>();
        pending.Clear();
        pending.Push(root);

        // An explicit stack: a long chain of '+' must not overflow the thread's stack.
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            var rings = operation switch
            {
                IInvocationOperation invocation => symbols.Classify(invocation.TargetMethod, configuration) switch
                {
                    ProtocolOperation.Ring => true,
                    ProtocolOperation.None => followHelpers && MayRingThroughHelper(invocation, symbols, configuration),
                    _ => false,
                },
                IPropertyReferenceOperation property => symbols.ClassifyAccess(property.Property, IsAssigned(property), configuration) switch
                {
                    ProtocolOperation.Ring => true,
                    ProtocolOperation.None => followHelpers && MayRingThroughAccessor(property, symbols, configuration),
                    _ => false,
                },
                // Raw code rings through the create structure's doorbell address: the method names the field, to store through it or copy it.
                IFieldReferenceOperation field => symbols.Raw && IsRawDoorbellAddress(field.Field, symbols),
                _ => false,
            };
            if (rings)
            {
                pending.Clear();
                return true;
            }

            foreach (var child in operation.ChildOperations)
                pending.Push(child);
        }

        return false;
    }

    /// <summary>A call the analysis follows into a helper that is given a doorbell, or finds one on its receiver or its type.</summary>
    private static bool MayRingThroughHelper(IInvocationOperation invocation, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        var method = invocation.TargetMethod;
        if (!HelperCalls.CanFollow(method))
            return false;
        if (invocation.Instance is { } instance && symbols.HoldsDoorbell(instance.Type, configuration))
            return true;
        if ((invocation.Instance is null or IInstanceReferenceOperation) && symbols.HoldsDoorbell(method.ContainingType, configuration))
            return true;
        foreach (var argument in invocation.Arguments)
        {
            if (symbols.HoldsDoorbell(argument.Value.Type, configuration))
                return true;
        }

        return false;
    }

    /// <summary>The create structure's doorbell address, or a field of the type another member copied it into.</summary>
    private static bool IsRawDoorbellAddress(IFieldSymbol field, ProtocolSymbols symbols) =>
        RawD3dkmt.AddressKindOf(field) == RawAddressKind.Doorbell
        || (field.Type.TypeKind == TypeKind.Pointer || field.Type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
            && symbols.RawFieldOriginsOf(field.ContainingType, default).TryGet(field, out var role, out _) && role == RawFieldRole.DoorbellAddress;

    /// <summary>A property access whose accessor the analysis follows, on a receiver or type that holds a doorbell.</summary>
    private static bool MayRingThroughAccessor(IPropertyReferenceOperation property, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        var accessor = IsAssigned(property) ? property.Property.SetMethod : property.Property.GetMethod;
        if (accessor is null || !property.Arguments.IsEmpty || !HelperCalls.CanFollow(accessor))
            return false;
        return property.Instance is null or IInstanceReferenceOperation
            ? symbols.HoldsDoorbell(property.Property.ContainingType, configuration)
            : symbols.HoldsDoorbell(property.Instance.Type, configuration);
    }

    private static bool IsAssigned(IOperation reference) => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
}

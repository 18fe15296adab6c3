using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// The cheap question asked of every method: does anything in it ring? One walk over the operation tree, with no
/// allocation, classifying only calls and property references. Most methods of most projects stop here.
/// </summary>
internal static class RingScan
{
    [ThreadStatic]
    private static Stack<IOperation>? s_pending;

    public static bool AnyRing(ImmutableArray<IOperation> blocks, ProtocolSymbols symbols, WrapperConfiguration configuration)
    {
        var pending = s_pending ??= new Stack<IOperation>();
        pending.Clear();
        foreach (var block in blocks)
            pending.Push(block);

        // An explicit stack: a long chain of '+' must not overflow the thread's stack.
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            var rings = operation switch
            {
                IInvocationOperation invocation => symbols.Classify(invocation.TargetMethod, configuration) == ProtocolOperation.Ring,
                IPropertyReferenceOperation property => symbols.ClassifyAccess(property.Property, IsAssigned(property), configuration) == ProtocolOperation.Ring,
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

    private static bool IsAssigned(IOperation reference) => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
}

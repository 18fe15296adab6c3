using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Publication;

/// <summary>
/// DBL006's question of one body: which doorbell stores are ordinary writes that no full barrier precedes? A doorbell
/// store is, anywhere, a store through a raw doorbell address (<see cref="RawDoorbellAddress"/>); and, in the body of a
/// ring wrapper, the store that rings (<see cref="WrapperDoorbellStores"/>). Pure over the operation tree.
/// </summary>
internal static class DoorbellStores
{
    /// <summary>
    /// The ordinary doorbell stores of <paramref name="body"/> not preceded on every path by a full barrier, in source
    /// order. <paramref name="isRingWrapper"/>: the body is a ring wrapper's; <paramref name="isRingCall"/> says whether an
    /// operation rings through another member (then that member, not this body, writes the doorbell).
    /// </summary>
    public static List<PointerStore> Unpublished(IOperation body, bool isRingWrapper, Func<IOperation, bool> isRingCall)
    {
        var ownStores = new List<PointerStore>();
        var nestedStores = new List<PointerStore>();
        var ringsThroughCall = false;
        Collect(body, inNestedFunction: false, ownStores, nestedStores, isRingWrapper ? isRingCall : null, ref ringsThroughCall);

        var found = new List<PointerStore>();
        if (isRingWrapper && !ringsThroughCall)
            found.AddRange(WrapperDoorbellStores(ownStores, body));
        AddRaw(ownStores, body, found);
        AddRaw(nestedStores, body, found);
        found.RemoveAll(store => !store.IsOrdinary || FullBarriers.PrecedeOnEveryPath(store.Operation));
        found.Sort((a, b) => a.Operation.Syntax.SpanStart.CompareTo(b.Operation.Syntax.SpanStart));
        return found;
    }

    /// <summary>
    /// Which stores of a ring wrapper's own body (nested functions apart) ring. A wrapper writes packets too, so: the
    /// last pointer store of the body, in source order, when it writes a 4- or 8-byte integer through a pointer not moved
    /// by an offset; and the earlier such stores that write the same variable or through the same pointer (a secondary
    /// doorbell, a ring on another branch). A store into a ring slot (<c>ring[i]</c>, <c>ring + offset</c>, <c>p-&gt;F</c>)
    /// is never one, and nothing is when the last store is one.
    /// </summary>
    internal static IEnumerable<PointerStore> WrapperDoorbellStores(List<PointerStore> stores, IOperation body)
    {
        if (stores.Count == 0)
            yield break;
        var last = stores[0];
        foreach (var store in stores)
        {
            if (store.Operation.Syntax.SpanStart > last.Operation.Syntax.SpanStart)
                last = store;
        }

        if (!IsDoorbellShaped(last, body))
            yield break;
        foreach (var store in stores)
        {
            if (store.Operation == last.Operation
                || ((PointerOperations.SameVariable(store.Value, last.Value) || PointerOperations.SameVariable(store.Address, last.Address)) && IsDoorbellShaped(store, body)))
            {
                yield return store;
            }
        }
    }

    private static bool IsDoorbellShaped(PointerStore store, IOperation body) =>
        !store.IsOffset && store.StoresAWord && PointerOperations.IsPlainAddress(store.Address, body);

    private static void AddRaw(List<PointerStore> stores, IOperation body, List<PointerStore> found)
    {
        foreach (var store in stores)
        {
            if (!store.IsOffset && RawDoorbellAddress.IsDoorbellAddress(store.Address, body) && !found.Exists(f => f.Operation == store.Operation))
                found.Add(store);
        }
    }

    private static void Collect(IOperation root, bool inNestedFunction, List<PointerStore> own, List<PointerStore> nested, Func<IOperation, bool>? isRingCall, ref bool ringsThroughCall)
    {
        // An explicit stack: a long chain of '+' must not overflow the thread's stack.
        var pending = new Stack<(IOperation Operation, bool Nested)>();
        pending.Push((root, inNestedFunction));
        while (pending.Count > 0)
        {
            var (operation, isNested) = pending.Pop();
            if (PointerStores.TryRead(operation, out var store))
                (isNested ? nested : own).Add(store);
            else if (!isNested && isRingCall is not null && !ringsThroughCall && operation is IInvocationOperation or IPropertyReferenceOperation && isRingCall(operation))
                ringsThroughCall = true;
            var childrenNested = isNested || operation is IAnonymousFunctionOperation or ILocalFunctionOperation;
            foreach (var child in operation.ChildOperations)
                pending.Push((child, childrenNested));
        }
    }
}

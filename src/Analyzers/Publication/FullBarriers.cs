using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Publication;

/// <summary>
/// Whether a full memory barrier comes before a store on every path through the method, by a dominance read off the
/// statements rather than a control-flow graph: a barrier statement that comes earlier in a block around the store,
/// with no label between them (a jump could land there and skip it), dominates the store. A statement "always fences"
/// when it is a barrier call, a block with such a statement before any break, continue, goto or label, an if whose both
/// branches fence, a try whose finally fences (or whose body fences and has no catch), or a lock, using or do-while
/// whose body fences. Anything else (a loop that may not run, a switch, a lambda's body) is not counted: precision first.
/// </summary>
internal static class FullBarriers
{
    /// <summary>
    /// A call that orders every memory access before it before every access after it: <c>Thread.MemoryBarrier()</c>,
    /// every <c>Interlocked</c> method (<c>MemoryBarrier</c>, <c>Exchange</c>, <c>Increment</c>...: full fences in .NET),
    /// and the x86 fences <c>Sse.StoreFence()</c> and <c>Sse2.MemoryFence()</c>.
    /// </summary>
    public static bool IsFullBarrier(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is not { } type)
            return false;
        // The .NET memory model lists Thread.MemoryBarrier and every Interlocked method as full-fence operations.
        return type.Name switch
        {
            "Interlocked" => PointerStores.IsType(type, "System.Threading", "Interlocked"),
            "Thread" => method.Name == "MemoryBarrier" && PointerStores.IsType(type, "System.Threading", "Thread"),
            "Sse" => method.Name == "StoreFence" && PointerStores.IsType(type, "System.Runtime.Intrinsics.X86", "Sse"),
            "Sse2" => method.Name == "MemoryFence" && PointerStores.IsType(type, "System.Runtime.Intrinsics.X86", "Sse2"),
            _ => false,
        };
    }

    /// <summary>Whether a full barrier runs on every path from the start of the enclosing function to <paramref name="store"/>.</summary>
    public static bool PrecedeOnEveryPath(IOperation store)
    {
        for (IOperation child = store, parent = store.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return false;
            var statements = parent switch
            {
                IBlockOperation block => block.Operations,
                ISwitchCaseOperation section => section.Body,
                _ => default,
            };
            if (statements.IsDefault)
                continue;
            // A label on the store's own statement, or between it and the barrier, lets a jump in past the barrier;
            // a jump cannot come from outside this block, so barriers before the block still count.
            var at = child is ILabeledOperation ? 0 : statements.IndexOf(child);
            for (var i = at - 1; i >= 0; i--)
            {
                if (AlwaysFences(statements[i]))
                    return true;
                if (statements[i] is ILabeledOperation)
                    break;
            }
        }

        return false;
    }

    /// <summary>Whether running <paramref name="statement"/> to its end always runs a full barrier.</summary>
    internal static bool AlwaysFences(IOperation? statement) => statement switch
    {
        IExpressionStatementOperation expression => IsBarrierValue(expression.Operation),
        IVariableDeclarationGroupOperation group => DeclaresABarrierValue(group),
        IBlockOperation block => SomeStatementFences(block.Operations),
        IConditionalOperation { WhenFalse: { } whenFalse } conditional => AlwaysFences(conditional.WhenTrue) && AlwaysFences(whenFalse),
        ITryOperation @try => AlwaysFences(@try.Finally) || (@try.Catches.IsEmpty && AlwaysFences(@try.Body)),
        ILockOperation @lock => AlwaysFences(@lock.Body),
        IUsingOperation @using => AlwaysFences(@using.Body),
        IWhileLoopOperation { ConditionIsTop: false } doWhile => AlwaysFences(doWhile.Body),
        ILabeledOperation labeled => AlwaysFences(labeled.Operation),
        _ => false,
    };

    private static bool SomeStatementFences(ImmutableArray<IOperation> statements)
    {
        foreach (var statement in statements)
        {
            if (AlwaysFences(statement))
                return true;
            // A break, continue or goto may leave before the barrier; a label may be entered after it.
            if (statement is ILabeledOperation || ContainsJump(statement))
                return false;
        }

        return false;
    }

    private static bool ContainsJump(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IBranchOperation)
                return true;
        }

        return false;
    }

    private static bool DeclaresABarrierValue(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (declarator.Initializer is { } initializer && IsBarrierValue(initializer.Value))
                    return true;
            }
        }

        return false;
    }

    /// <summary>A barrier call as the whole value of a statement: <c>Interlocked.MemoryBarrier();</c>, <c>_ = Interlocked.Exchange(...)</c>, <c>var old = ...</c>.</summary>
    private static bool IsBarrierValue(IOperation value)
    {
        value = PointerOperations.StripConversions(value);
        return value switch
        {
            IInvocationOperation invocation => IsFullBarrier(invocation),
            ISimpleAssignmentOperation assignment => IsBarrierValue(assignment.Value),
            _ => false,
        };
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Expressions that branch: laid out as the graph lowers them, their value held as its capture would be.</summary>
internal sealed partial class StructuredModelBuilder
{
    private readonly Stack<ResultCapture> _conditionalReceivers = new();

    /// <summary>Called by the walker for every operation it has no case of its own for.</summary>
    internal bool TryWalkBranching(IOperation operation, out WalkValue value)
    {
        value = WalkValue.Other;
        switch (operation)
        {
            case IConditionalOperation conditional:
                value = WalkConditional(conditional);
                return true;
            case ICoalesceOperation coalesce:
                value = WalkCoalesce(coalesce);
                return true;
            case IConditionalAccessOperation access:
                value = WalkConditionalAccess(access, discarded: false);
                return true;
            case IConditionalAccessInstanceOperation:
                if (_conditionalReceivers.Count == 0)
                    throw new NotCoveredException("conditional access instance outside ?.");
                value = _conditionalReceivers.Peek().Use();
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                value = WalkShortCircuit(logical);
                return true;
            case ISwitchExpressionOperation @switch:
                value = WalkSwitchExpression(@switch);
                return true;
            case ICoalesceAssignmentOperation coalesceAssignment:
                value = WalkCoalesceAssignment(coalesceAssignment, discarded: false);
                return true;
            case IThrowOperation thrown:
                WalkThrow(thrown);
                return true;
            case IInterpolatedStringHandlerCreationOperation or IInterpolatedStringAdditionOperation or IInterpolatedStringAppendOperation:
                throw new NotCoveredException("interpolated string handler"); // handlers append conditionally: the graph branches there
            default:
                return false;
        }
    }

    /// <summary>An expression statement whose value nobody reads: the graph keeps no capture of it.</summary>
    internal void WalkDiscardedBranching(IOperation operation)
    {
        if (operation is IConditionalAccessOperation access)
            WalkConditionalAccess(access, discarded: true);
        else
            WalkCoalesceAssignment((ICoalesceAssignmentOperation)operation, discarded: true);
    }

    private WalkValue WalkConditional(IConditionalOperation conditional)
    {
        if (conditional.IsRef || conditional.WhenFalse is null || conditional.Type is null)
            throw new NotCoveredException("ref or typeless ?:");
        var result = new ResultCapture(_walker, conditional, ImmutableArray.Create<IOperation?>(conditional.WhenTrue, conditional.WhenFalse));
        var whenTrue = NewBlock();
        var whenFalse = NewBlock();
        var join = NewBlock();
        BuildCondition(conditional.Condition, whenTrue, whenFalse);
        DefineIn(whenTrue, result, conditional.WhenTrue, join);
        DefineIn(whenFalse, result, conditional.WhenFalse, join);
        StartAt(join);
        return result.Use();
    }

    private void DefineIn(int block, ResultCapture result, IOperation definition, int join)
    {
        StartAt(block);
        MarkCode();
        result.Define(definition);
        Goto(join);
    }

    private WalkValue WalkCoalesce(ICoalesceOperation coalesce)
    {
        var left = new ResultCapture(_walker, coalesce.Value, ImmutableArray.Create<IOperation?>(coalesce.Value));
        MarkCode();
        left.Define(coalesce.Value);
        var result = new ResultCapture(_walker, coalesce, ImmutableArray.Create<IOperation?>(coalesce.Value, coalesce.WhenNull));
        var notNull = NewBlock();
        var whenNull = NewBlock();
        var join = NewBlock();
        var (nullPath, nullHolder) = left.NullCheck();
        BranchOnNull(nullPath, nullHolder, whenNull, notNull);
        StartAt(notNull);
        MarkCode();
        result.DefineValue(left.Use(), coalesce.Type);
        Goto(join);
        DefineIn(whenNull, result, coalesce.WhenNull, join);
        StartAt(join);
        return result.Use();
    }

    private WalkValue WalkConditionalAccess(IConditionalAccessOperation access, bool discarded)
    {
        var receiver = new ResultCapture(_walker, access.Operation, ImmutableArray.Create<IOperation?>(access.Operation));
        MarkCode();
        receiver.Define(access.Operation);
        var keepValue = !discarded && access.Type is { SpecialType: not SpecialType.System_Void };
        var result = keepValue ? new ResultCapture(_walker, access, ImmutableArray.Create<IOperation?>(access.WhenNotNull, null)) : null;
        var notNull = NewBlock();
        var join = NewBlock();
        var whenNull = keepValue ? NewBlock() : join;
        var (nullPath, nullHolder) = receiver.NullCheck();
        BranchOnNull(nullPath, nullHolder, whenNull, notNull);

        StartAt(notNull);
        MarkCode();
        _conditionalReceivers.Push(receiver);
        _walker.Paths.EnterConditionalAccess(receiver.CommonPath);
        if (result is not null)
            result.Define(access.WhenNotNull);
        else
            _walker.WalkDiscarded(access.WhenNotNull);
        _walker.Paths.LeaveConditionalAccess();
        _conditionalReceivers.Pop();
        Goto(join);

        if (result is not null)
        {
            StartAt(whenNull);
            MarkCode();
            result.DefineValue(WalkValue.Other, access.Type);
            Goto(join);
        }

        StartAt(join);
        return result?.Use() ?? WalkValue.Other;
    }

    private WalkValue WalkShortCircuit(IBinaryOperation logical)
    {
        if (logical.OperatorMethod is not null || logical.IsLifted)
            throw new NotCoveredException("user-defined or lifted && / ||");
        var result = new ResultCapture(_walker, logical, ImmutableArray.Create<IOperation?>(logical.RightOperand, null));
        var right = NewBlock();
        var constant = NewBlock();
        var join = NewBlock();
        if (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd)
            BuildCondition(logical.LeftOperand, right, constant);
        else
            BuildCondition(logical.LeftOperand, constant, right);
        DefineIn(right, result, logical.RightOperand, join);
        StartAt(constant);
        MarkCode();
        result.DefineValue(WalkValue.ConstantOf(logical.OperatorKind == BinaryOperatorKind.ConditionalOr ? 1 : 0), logical.Type);
        Goto(join);
        StartAt(join);
        return result.Use();
    }

    private WalkValue WalkSwitchExpression(ISwitchExpressionOperation @switch)
    {
        MarkCode();
        var subject = new ResultCapture(_walker, @switch.Value, ImmutableArray.Create<IOperation?>(@switch.Value));
        subject.Define(@switch.Value);
        var values = ImmutableArray.CreateBuilder<IOperation?>(@switch.Arms.Length);
        foreach (var arm in @switch.Arms)
            values.Add(arm.Value);
        var result = new ResultCapture(_walker, @switch, values.MoveToImmutable());
        var join = NewBlock();
        foreach (var arm in @switch.Arms)
        {
            var body = NewBlock();
            var next = NewBlock();
            MarkCode();
            TestCase(subject, null, arm.Pattern, arm.Guard is null ? body : NewGuard(arm.Guard, body, next), next);
            DefineIn(body, result, arm.Value, join);
            StartAt(next);
        }

        // No arm matched: the switch expression throws.
        EndByThrowing();
        StartAt(join);
        return result.Use();
    }

    /// <summary><c>t ??= v</c> on a reference: the graph reads t, and only where it is null assigns v.</summary>
    private WalkValue WalkCoalesceAssignment(ICoalesceAssignmentOperation coalesceAssignment, bool discarded)
    {
        var target = StripConversions(coalesceAssignment.Target);
        if (target?.Type?.IsReferenceType != true || _walker.Paths.TryPath(target) is not { } path)
            throw new NotCoveredException("??= on a value type or an unnamed target");
        MarkCode();
        var result = discarded ? null : new ResultCapture(_walker, coalesceAssignment, ImmutableArray.Create<IOperation?>(target, null));
        var assign = NewBlock();
        var join = NewBlock();
        var notNull = result is null ? join : NewBlock();
        BranchOnNull(path, -1, assign, notNull);
        if (result is not null)
        {
            StartAt(notNull);
            MarkCode();
            result.DefineValue(WalkValue.KeyOf(path), coalesceAssignment.Type);
            Goto(join);
        }

        StartAt(assign);
        MarkCode();
        _walker.AssignTo(target, coalesceAssignment.Value);
        result?.DefineValue(WalkValue.Other, coalesceAssignment.Type);
        Goto(join);
        StartAt(join);
        return result?.Use() ?? WalkValue.Other;
    }
}

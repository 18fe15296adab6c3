using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Conditions: short-circuit operators become jumps, leaves become guarded or null-checking edges.</summary>
internal sealed partial class StructuredModelBuilder
{
    /// <summary>Evaluates <paramref name="condition"/> and goes to <paramref name="whenTrue"/> or <paramref name="whenFalse"/> (-1: the path ends).</summary>
    private void BuildCondition(IOperation condition, int whenTrue, int whenFalse)
    {
        EnsureBlock();
        while (condition is IParenthesizedOperation parenthesized)
            condition = parenthesized.Operand;

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null, IsLifted: false } not:
                BuildCondition(not.Operand, whenFalse, whenTrue);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                if (logical.OperatorMethod is not null || logical.IsLifted)
                    throw new NotCoveredException("user-defined or lifted && / ||");
                var right = NewBlock();
                if (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd)
                    BuildCondition(logical.LeftOperand, right, whenFalse);
                else
                    BuildCondition(logical.LeftOperand, whenTrue, right);
                StartAt(right);
                BuildCondition(logical.RightOperand, whenTrue, whenFalse);
                return;
            case IConditionalOperation or ICoalesceOperation:
                // The graph branches on each arm of a boolean ?: or ?? in a condition; left to it.
                throw new NotCoveredException("?: or ?? as a condition");
            case { ConstantValue: { HasValue: true, Value: bool constant } }:
                // while (true), if (false): only one way is possible.
                Goto(constant ? whenTrue : whenFalse);
                return;
        }

        MarkCode();
        if (_walker.TryNullTest(condition, out var nullPath, out var nullHolder, out var nullWhenTrue))
        {
            BranchOnNull(nullPath, nullHolder, nullWhenTrue ? whenTrue : whenFalse, nullWhenTrue ? whenFalse : whenTrue);
            return;
        }

        if (_walker.TryTest(condition, out var holder, out var mask))
        {
            if (!Reachable)
                return;
            if (holder >= 0)
                _model.SetConditionAnchor(_current, condition.Syntax.GetLocation());
            Branch(holder, mask, whenTrue, whenFalse);
            return;
        }

        if (_walker.TryTestDerived(condition, out var variable, out var codes))
        {
            if (Reachable)
                BranchOnDerived(variable, codes, whenTrue, whenFalse);
            return;
        }

        var walked = _walker.Walk(condition);
        if (_walker.TryTestWalked(walked, condition.Type, out variable, out codes))
        {
            if (Reachable)
                BranchOnDerived(variable, codes, whenTrue, whenFalse);
            return;
        }

        _walker.Consume(walked);
        if (Reachable)
            Branch(-1, StatusMask.All, whenTrue, whenFalse);
    }

    /// <summary>Two edges out of the current block: to <paramref name="whenTrue"/> when derived variable <paramref name="variable"/> may hold one of <paramref name="codes"/>, else to <paramref name="whenFalse"/>.</summary>
    private void BranchOnDerived(int variable, ushort codes, int whenTrue, int whenFalse)
    {
        var from = _current;
        _model.AddEdge(from, new ProtocolEdge(whenTrue, derivedVariable: variable, derivedTakenWhen: codes));
        _model.AddEdge(from, new ProtocolEdge(whenFalse, derivedVariable: variable, derivedTakenWhen: DerivedValues.Complement(codes)));
        _current = -1;
    }

    /// <summary>
    /// One case of a switch (statement or expression) against its subject: as the graph tests it, a guard on the
    /// subject's status holder when the case decides statuses, else a branch that says nothing (the subject escapes).
    /// </summary>
    private void TestCase(ResultCapture subject, IOperation? value, IPatternOperation? pattern, int whenTrue, int whenFalse)
    {
        var symbols = _walker.Symbols;
        // Raw code's integer subjects may be status words; one derived from the status is the derived test's.
        var derivedInteger = !symbols.IsStatus(subject.Expression.Type) && (subject.DerivedVariable >= 0 || _walker.DerivedSubject(subject.Expression) >= 0);
        if (!derivedInteger && StatusConditions.IsStatusSubject(subject.Expression, symbols.MayTestStatus))
        {
            ILocalSymbol? declared = null;
            byte mask = 0;
            var decided = value is not null
                ? StatusConditions.TryConstant(OperationFacts.StripConversions(value)!, out var constant)
                    && StatusConditions.TryRelational(BinaryOperatorKind.Equals, constant, swapped: false, out mask)
                : TryDecide(pattern!, out mask, out declared);
            if (decided)
            {
                var held = subject.Use();
                var holder = -1;
                if (held.Kind == ValueKind.Holder)
                    holder = held.Holder;
                else
                    _walker.Consume(held);
                if (declared is not null && holder >= 0 && _walker.Holders.ForLocal(declared) is var declaredHolder && declaredHolder >= 0)
                    _walker.Bind(declaredHolder, WalkValue.HolderOf(holder));
                if (holder >= 0)
                    _model.SetConditionAnchor(_current, SyntaxAnchors.CaseLabel(((IOperation?)value ?? pattern)!.Syntax));
                Branch(holder, mask, whenTrue, whenFalse);
                return;
            }
        }

        var variable = subject.DerivedVariable >= 0 ? subject.DerivedVariable : _walker.DerivedSubject(subject.Expression);
        if (variable >= 0)
        {
            var codes = DerivedValues.AllCodes;
            var decidedCodes = value is not null
                ? _walker.TryTestDerivedConstant(variable, value, out codes)
                : _walker.TryPatternCodes(variable, pattern!, out codes);
            if (decidedCodes)
            {
                BranchOnDerived(variable, codes, whenTrue, whenFalse);
                return;
            }
        }

        _walker.Consume(subject.Use());
        _walker.Consume(_walker.Walk((IOperation?)value ?? pattern));
        Branch(-1, StatusMask.All, whenTrue, whenFalse);
    }

    private bool TryDecide(IPatternOperation pattern, out byte mask, out ILocalSymbol? declared)
    {
        declared = null;
        if (pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local })
        {
            declared = local;
            mask = StatusMask.All;
            return true;
        }

        return StatusConditions.TryMask(pattern, _walker.Symbols.IsStatus, out mask);
    }
}

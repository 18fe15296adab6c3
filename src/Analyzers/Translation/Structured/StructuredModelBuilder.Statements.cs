using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Statements: each becomes blocks and edges as in Roslyn's control-flow graph.</summary>
internal sealed partial class StructuredModelBuilder
{
    private void WalkStatements(ImmutableArray<IOperation> statements, int from = 0)
    {
        for (var i = from; i < statements.Length; i++)
        {
            if (statements[i] is IUsingDeclarationOperation usingDeclaration)
            {
                // using var x = ...; disposes x when the enclosing block ends: the rest of the block is its body.
                WalkUsing(usingDeclaration.IsAsynchronous, usingDeclaration.DeclarationGroup, () => WalkStatements(statements, i + 1));
                return;
            }

            WalkStatement(statements[i]);
            if (_walker.GaveUp)
                return;
        }
    }

    private void WalkStatement(IOperation statement)
    {
        _walker.CancellationToken.ThrowIfCancellationRequested();
        EnsureBlock();
        switch (statement)
        {
            case IBlockOperation block:
                WalkStatements(block.Operations);
                break;
            case IVariableDeclarationGroupOperation group:
                MarkCode();
                WalkDeclarations(group);
                break;
            case IExpressionStatementOperation { Operation: IThrowOperation thrown }:
                WalkThrow(thrown);
                break;
            case IThrowOperation thrown:
                WalkThrow(thrown);
                break;
            case IExpressionStatementOperation expression:
                MarkCode();
                _walker.WalkDiscarded(expression.Operation);
                break;
            case IReturnOperation { Kind: OperationKind.YieldReturn } yieldReturn:
                MarkCode();
                _walker.Walk(yieldReturn);
                break;
            case IReturnOperation @return:
                if (@return.ReturnedValue is { } value)
                {
                    MarkCode();
                    _walker.Return(value);
                }

                if (Reachable)
                    _model.SetLeaveAnchor(_current, @return.Syntax.GetLocation());
                JumpOut(_exit, 0);
                break;
            case IConditionalOperation conditional:
                WalkIf(conditional);
                break;
            case IWhileLoopOperation loop:
                WalkWhile(loop);
                break;
            case IForLoopOperation loop:
                WalkFor(loop);
                break;
            case IForEachLoopOperation loop:
                WalkForEach(loop);
                break;
            case ISwitchOperation @switch:
                WalkSwitch(@switch);
                break;
            case ITryOperation @try:
                WalkTry(@try);
                break;
            case IUsingOperation @using:
                WalkUsing(@using.IsAsynchronous, @using.Resources, () => WalkStatement(@using.Body));
                break;
            case ILockOperation @lock:
                WalkLock(@lock);
                break;
            case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } branch:
                var target = FindLabel(branch.Target, out var scopeIndex);
                JumpOut(target, scopeIndex + 1);
                break;
            case IEmptyOperation:
            case ILocalFunctionOperation: // analyzed on its own
                break;
            case ILabeledOperation or IBranchOperation:
                throw new NotCoveredException("goto or label");
            case IInvalidOperation or { Kind: OperationKind.None }:
                // fixed, and statements that do not bind: opaque, but the statements inside keep their flow.
                MarkCode();
                foreach (var child in statement.ChildOperations)
                {
                    if (IsStatement(child))
                        WalkStatement(child);
                    else
                        _walker.Consume(_walker.Walk(child));
                }

                break;
            default:
                // goto and labels, fixed, VB-only statements, invalid statements: the graph decides.
                throw new NotCoveredException("statement " + statement.Kind);
        }
    }

    private static bool IsStatement(IOperation operation) => operation is IBlockOperation or IVariableDeclarationGroupOperation
        or IExpressionStatementOperation or IReturnOperation or IBranchOperation or ILoopOperation or ISwitchOperation or ITryOperation
        or IUsingOperation or IUsingDeclarationOperation or ILockOperation or IEmptyOperation or ILabeledOperation or ILocalFunctionOperation
        or IConditionalOperation { Type: null } or IThrowOperation { Type: null };

    private void WalkDeclarations(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            if (!declaration.IgnoredDimensions.IsEmpty)
                throw new NotCoveredException("array dimensions on a local");
            foreach (var declarator in declaration.Declarators)
            {
                var local = declarator.Symbol;
                if (local.IsRef)
                    throw new NotCoveredException("ref local");
                if (local.IsConst)
                    continue;
                if ((declarator.Initializer ?? declaration.Initializer)?.Value is { } initial)
                    _walker.AssignToLocal(local, initial);
            }
        }
    }

    private void WalkThrow(IThrowOperation thrown)
    {
        MarkCode();
        if (thrown.Exception is { } exception)
            _walker.Consume(_walker.Walk(exception));
        EndByThrowing();
    }

    private void WalkIf(IConditionalOperation conditional)
    {
        var whenTrue = NewBlock();
        var join = NewBlock();
        var whenFalse = conditional.WhenFalse is null ? join : NewBlock();
        BuildCondition(conditional.Condition, whenTrue, whenFalse);
        StartAt(whenTrue);
        WalkStatement(conditional.WhenTrue);
        Goto(join);
        if (conditional.WhenFalse is { } otherwise)
        {
            StartAt(whenFalse);
            WalkStatement(otherwise);
            Goto(join);
        }

        StartAt(join);
    }

    private void WalkWhile(IWhileLoopOperation loop)
    {
        if (loop.ConditionIsUntil || loop.Condition is null || loop.IgnoredCondition is not null)
            throw new NotCoveredException("until loop or loop without condition");
        var exit = NewBlock();
        if (loop.ConditionIsTop)
        {
            var head = NewBlock();
            var body = NewBlock();
            Goto(head);
            StartAt(head);
            BuildCondition(loop.Condition, body, exit);
            WalkLoopBody(loop, body, exit, continueTarget: head, bottom: head);
        }
        else
        {
            var body = NewBlock();
            var condition = NewBlock();
            Goto(body);
            WalkLoopBody(loop, body, exit, continueTarget: condition, bottom: condition);
            StartAt(condition);
            BuildCondition(loop.Condition, body, exit);
        }

        StartAt(exit);
    }

    private void WalkFor(IForLoopOperation loop)
    {
        foreach (var before in loop.Before)
            WalkStatement(before);
        EnsureBlock();
        var exit = NewBlock();
        var head = NewBlock();
        var body = NewBlock();
        var bottom = NewBlock();
        Goto(head);
        StartAt(head);
        if (loop.Condition is { } condition)
            BuildCondition(condition, body, exit);
        else
            Goto(body);
        WalkLoopBody(loop, body, exit, continueTarget: bottom, bottom: bottom);
        StartAt(bottom);
        foreach (var step in loop.AtLoopBottom)
            WalkStatement(step);
        Goto(head);
        StartAt(exit);
    }

    private void WalkForEach(IForEachLoopOperation loop)
    {
        if (loop.IsAsynchronous || loop.LoopControlVariable is not IVariableDeclaratorOperation variable || !loop.NextVariables.IsEmpty)
            throw new NotCoveredException("await foreach, deconstructing foreach");
        var collection = StripConversions(loop.Collection);
        if (collection is IInstanceReferenceOperation)
            throw new NotCoveredException("foreach over this"); // foreach over this: the graph's GetEnumerator call on this is a helper call

        // The graph calls GetEnumerator() on the collection: a call we cannot see into, the collection escapes.
        MarkCode();
        _walker.Consume(_walker.Walk(loop.Collection));
        var exit = NewBlock();
        var head = NewBlock();
        var body = NewBlock();
        Goto(head);
        StartAt(head);
        MarkCode();
        Branch(-1, StatusMask.All, body, exit); // MoveNext()
        StartAt(body);
        MarkCode();
        _walker.AssignUnknownToLocal(variable.Symbol); // x = e.Current
        WalkLoopBody(loop, body, exit, continueTarget: head, bottom: head, startAtBody: false);
        StartAt(exit);
    }

    private void WalkLoopBody(ILoopOperation loop, int body, int exit, int continueTarget, int bottom, bool startAtBody = true)
    {
        _scopes.Add(new LabelScope(loop.ExitLabel, exit, loop.ContinueLabel, continueTarget));
        if (startAtBody)
            StartAt(body);
        WalkStatement(loop.Body);
        Goto(bottom);
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void WalkSwitch(ISwitchOperation @switch)
    {
        MarkCode();
        var subject = new ResultCapture(_walker, @switch.Value, ImmutableArray.Create<IOperation?>(@switch.Value));
        subject.Define(@switch.Value);

        var exit = NewBlock();
        var bodies = new int[@switch.Cases.Length];
        for (var i = 0; i < bodies.Length; i++)
            bodies[i] = NewBlock();

        var fallback = exit;
        for (var i = 0; i < @switch.Cases.Length; i++)
        {
            foreach (var clause in @switch.Cases[i].Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        fallback = bodies[i];
                        break;
                    case ISingleValueCaseClauseOperation single:
                        var next = NewBlock();
                        MarkCode();
                        TestCase(subject, single.Value, null, bodies[i], next);
                        StartAt(next);
                        break;
                    case IPatternCaseClauseOperation pattern:
                        next = NewBlock();
                        MarkCode();
                        TestCase(subject, null, pattern.Pattern, pattern.Guard is null ? bodies[i] : NewGuard(pattern.Guard, bodies[i], next), next);
                        StartAt(next);
                        break;
                    default:
                        throw new NotCoveredException("relational or range case"); // VB's relational and range clauses
                }
            }
        }

        Goto(fallback);
        _scopes.Add(new LabelScope(@switch.ExitLabel, exit, null, -1));
        for (var i = 0; i < bodies.Length; i++)
        {
            StartAt(bodies[i]);
            WalkStatements(@switch.Cases[i].Body);
            Goto(exit);
        }

        _scopes.RemoveAt(_scopes.Count - 1);
        StartAt(exit);
    }

    /// <summary>A block that evaluates a <c>when</c> guard, then goes on to <paramref name="body"/> or <paramref name="next"/>.</summary>
    private int NewGuard(IOperation guard, int body, int next)
    {
        var saved = _current;
        var block = NewBlock();
        StartAt(block);
        BuildCondition(guard, body, next);
        StartAt(saved);
        return block;
    }

    private void WalkTry(ITryOperation @try)
    {
        var scopeCount = _scopes.Count;
        if (@try.Finally is { } @finally)
            _scopes.Add(BuildFinallyTemplate(() => WalkStatement(@finally)));

        var after = NewBlock();
        var body = NewBlock();
        Goto(body);
        StartAt(body);
        WalkStatement(@try.Body);
        var bodyEnd = _model.BlockCount;
        JumpOut(after, scopeCount);

        foreach (var @catch in @try.Catches)
        {
            // A handler is entered because something threw: it owes nothing, and knows what reached the throw.
            var entry = NewBlock();
            _model.Graph.Blocks[entry].IsHandlerEntry = true;
            for (var b = body; b < bodyEnd; b++)
            {
                if (!_finallyCopies.Contains(b))
                    _model.Graph.Blocks[b].AddHandler(entry);
            }

            StartAt(entry);
            switch (@catch.ExceptionDeclarationOrExpression)
            {
                case null:
                    break;
                case IVariableDeclaratorOperation declarator:
                    MarkCode();
                    _walker.AssignUnknownToLocal(declarator.Symbol);
                    break;
                default:
                    throw new NotCoveredException("catch of an expression");
            }

            if (@catch.Filter is { } filter)
            {
                var handler = NewBlock();
                _model.Graph.Blocks[handler].IsHandlerEntry = true;
                BuildCondition(filter, handler, -1);
                StartAt(handler);
            }

            WalkStatement(@catch.Handler);
            JumpOut(after, scopeCount);
        }

        _scopes.RemoveRange(scopeCount, _scopes.Count - scopeCount);
        StartAt(after);
    }

    /// <summary><c>using (resources) body</c> and <c>using var</c>: the body, then a finally that disposes each resource.</summary>
    private void WalkUsing(bool isAsynchronous, IOperation resources, System.Action walkBody)
    {
        if (isAsynchronous)
            throw new NotCoveredException("await using");
        MarkCode();
        var disposed = ImmutableArray.CreateBuilder<(AccessPath Path, ITypeSymbol? Type)>();
        if (resources is IVariableDeclarationGroupOperation group)
        {
            WalkDeclarations(group);
            foreach (var declaration in group.Declarations)
            {
                foreach (var declarator in declaration.Declarators)
                    disposed.Add((AccessPath.ForLocal(declarator.Symbol), declarator.Symbol.Type));
            }
        }
        else if (_walker.Paths.TryPath(resources) is { } path)
        {
            if (path.Kind == AccessRootKind.This && path.Steps.IsEmpty)
                throw new NotCoveredException("using (this)"); // using (this): Dispose is a helper call on this
            disposed.Add((path, StripConversions(resources)!.Type));
        }
        else
        {
            _walker.Consume(_walker.Walk(resources));
        }

        var scopeCount = _scopes.Count;
        var release = ImmutableArray.CreateBuilder<(AccessPath Path, bool NullChecked)>();
        foreach (var (path, type) in disposed)
        {
            // Disposing a doorbell plays no part in the protocol; disposing anything else is a call it escapes to.
            if (type is not null && !_walker.Symbols.IsDoorbell(type))
                release.Add((path, type.IsReferenceType || IsNullable(type)));
        }

        if (release.Count > 0)
            _scopes.Add(BuildFinallyTemplate(() => BuildRelease(release.ToImmutable())));

        var after = NewBlock();
        walkBody();
        JumpOut(after, scopeCount);
        _scopes.RemoveRange(scopeCount, _scopes.Count - scopeCount);
        StartAt(after);
    }

    /// <summary>The graph's finally of a using: <c>if (r != null) r.Dispose();</c> for each resource, in reverse order.</summary>
    private void BuildRelease(ImmutableArray<(AccessPath Path, bool NullChecked)> release)
    {
        for (var i = release.Length - 1; i >= 0; i--)
        {
            var (path, nullChecked) = release[i];
            var dispose = NewBlock();
            var next = NewBlock();
            MarkCode();
            if (nullChecked)
                BranchOnNull(path, -1, next, dispose);
            else
                Goto(dispose);
            StartAt(dispose);
            MarkCode();
            _walker.Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, path));
            Goto(next);
            StartAt(next);
        }
    }

    /// <summary>
    /// <c>lock (x) body</c>: the graph's <c>Monitor.Enter(x, ref taken); try { body } finally { if (taken) Monitor.Exit(x); }</c>,
    /// where x escapes to both calls.
    /// </summary>
    private void WalkLock(ILockOperation @lock)
    {
        if (@lock.LockedValue.Type is { Name: "Lock", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } })
            throw new NotCoveredException("lock on System.Threading.Lock"); // System.Threading.Lock is entered by a using of its scope
        MarkCode();
        var path = _walker.Paths.TryPath(@lock.LockedValue);
        if (path is null)
            _walker.Consume(_walker.Walk(@lock.LockedValue));
        else
            _walker.Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, path));

        var scopeCount = _scopes.Count;
        if (path is not null)
        {
            _scopes.Add(BuildFinallyTemplate(() =>
            {
                var exit = NewBlock();
                var end = NewBlock();
                MarkCode();
                Branch(-1, StatusMask.All, exit, end); // if (taken)
                StartAt(exit);
                MarkCode();
                _walker.Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, path));
                Goto(end);
                StartAt(end);
            }));
        }

        var after = NewBlock();
        var body = NewBlock();
        Goto(body);
        StartAt(body);
        WalkStatement(@lock.Body);
        JumpOut(after, scopeCount);
        _scopes.RemoveRange(scopeCount, _scopes.Count - scopeCount);
        StartAt(after);
    }
}

using System;
using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Builds the protocol model of a function straight from its operation tree, with no control-flow graph: structured
/// statements (blocks, <c>if</c>, loops with <c>break</c>/<c>continue</c>, <c>switch</c>, <c>try</c>/<c>catch</c>/<c>finally</c>,
/// <c>using</c>, <c>lock</c>, <c>return</c>, <c>throw</c>, <c>yield</c>) and the expressions that branch (see
/// <see cref="StructuredWalker"/>) become blocks and edges the way Roslyn's graph would lay them out, so both paths
/// decide alike (the parity tests hold them to it). What it does not cover (<c>goto</c>, labels, asynchronous
/// <c>using</c> and <c>foreach</c>, <c>fixed</c>, ...) makes <see cref="TryBuild"/> return null: the caller then takes the graph.
/// This file holds the blocks, the jumps and the finally copies; the statements and conditions are in the partial files.
/// </summary>
internal sealed partial class StructuredModelBuilder : IInlineTarget
{
    /// <summary>The edge target that stands for "the end of this finally region" inside a region's template.</summary>
    private const int FinallyEnd = -2;

    private readonly StructuredWalker _walker;
    private readonly int _maxBlocks;
    private readonly RawModel _model = new();
    private readonly List<Scope> _scopes = new();
    private readonly HashSet<int> _finallyCopies = new();
    private int _current = -1;
    private int _exit;

    private StructuredModelBuilder(StructuredWalker walker, int maxBlocks)
    {
        _walker = walker;
        _maxBlocks = maxBlocks;
        walker.Attach(this);
        walker.InlineTarget = this;
    }

    /// <summary>
    /// The model of the function whose body is <paramref name="body"/>, or null when the body holds something this
    /// builder leaves to the control-flow graph.
    /// </summary>
    public static FunctionModel? TryBuild(IOperation body, StructuredWalker walker, int maxBlocks, out string? notCovered)
    {
        var builder = new StructuredModelBuilder(walker, maxBlocks);
        notCovered = null;
        try
        {
            return builder.Build(body);
        }
        catch (NotCoveredException e)
        {
            notCovered = e.Message;
            return null;
        }
    }

    /// <summary>
    /// A helper's summary: the model of its body before keys are numbered, aliases resolved, with its normal end at
    /// block 1; null when the body holds something this builder leaves to the graph, or gives up.
    /// </summary>
    public static HelperModel? TryBuildSummary(IMethodSymbol method, IOperation body, StructuredWalker walker, int maxBlocks)
    {
        var builder = new StructuredModelBuilder(walker, maxBlocks);
        walker.Summarizing = true;
        walker.SetDerivedRoot(body);
        walker.ReturnDerived(method.ReturnType);
        try
        {
            if (builder.BuildBlocks(body) != GiveUpReason.None)
                return null;
        }
        catch (NotCoveredException)
        {
            return null;
        }

        LocalAliases.Resolve(builder._model, walker.Captured);
        return new HelperModel(method, builder._model, builder._exit, walker.Holders.Count, walker.ReturnHolder, walker.Holders.Parameters, walker.HasRing,
            walker.DerivedValuesOf(), walker.ReturnVariable, walker.ReturnElement);
    }

    private FunctionModel Build(IOperation body)
    {
        _walker.SetDerivedRoot(body);
        if (BuildBlocks(body) is var reason && reason != GiveUpReason.None)
            return FunctionModel.GaveUp(_walker.Sites.All, reason);
        if (!_walker.HasRing)
            return FunctionModel.NoRing;
        return KeyNumbering.Finish(_model, _walker.Captured, _walker.Helpers, out var keys)
            ? new FunctionModel(_model.Graph, _walker.Sites.All, hasRing: true, _model.Anchors, keys)
            : FunctionModel.GaveUp(_walker.Sites.All, GiveUpReason.TooManyNames);
    }

    /// <summary>The blocks of <paramref name="body"/>, or why there are none.</summary>
    private GiveUpReason BuildBlocks(IOperation body)
    {
        var entry = NewBlock();
        _exit = NewBlock();
        _model.Graph.Blocks[_exit].IsNormalExit = true;
        var first = NewBlock();
        _model.AddEdge(entry, new ProtocolEdge(first));
        StartAt(first);

        switch (body)
        {
            case IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null }:
                WalkStatement(block);
                break;
            case IMethodBodyOperation { BlockBody: null, ExpressionBody: { } expression }:
                WalkStatement(expression);
                break;
            case IConstructorBodyOperation constructor when constructor.BlockBody is null || constructor.ExpressionBody is null:
                if (constructor.Initializer is { } initializer)
                    WalkStatement(initializer);
                if ((constructor.BlockBody ?? constructor.ExpressionBody) is { } constructorBody)
                    WalkStatement(constructorBody);
                break;
            case IBlockOperation block:
                WalkStatement(block);
                break;
            default:
                throw new NotCoveredException("body of kind " + body.Kind);
        }

        if (_walker.GaveUp)
            return GiveUpReason.TooDeep;
        if (_model.BlockCount > _maxBlocks)
            return GiveUpReason.TooManyBlocks;
        if (Reachable)
            _model.SetLeaveAnchor(_current, SyntaxAnchors.EndOf(body.Syntax));
        Goto(_exit);
        return GiveUpReason.None;
    }

    // ---- inlining helpers (IInlineTarget) ----

    RawModel IInlineTarget.Model => _model;

    int IInlineTarget.CurrentBlock => _current;

    int IInlineTarget.NewInlineBlock() => NewBlock();

    void IInlineTarget.JumpTo(int block) => Goto(block);

    void IInlineTarget.ContinueAt(int block) => StartAt(block);

    bool IInlineTarget.HasRoomFor(int blocks) => _model.BlockCount + blocks <= _maxBlocks;

    // ---- blocks ----

    private bool Reachable => _current >= 0;

    /// <summary>A new block, not yet current: a target to jump to.</summary>
    private int NewBlock()
    {
        if (_model.BlockCount >= _maxBlocks)
            throw new NotCoveredException("block budget"); // past the budget the graph decides (and gives up the same way)
        return _model.AddBlock();
    }

    /// <summary>Makes <paramref name="block"/> the block events go to.</summary>
    private void StartAt(int block)
    {
        _current = block;
        _walker.Events = _model.EventsOf(block);
    }

    /// <summary>Code that follows a jump (unreachable, but translated like the graph translates it) gets a block of its own.</summary>
    private void EnsureBlock()
    {
        if (!Reachable)
            StartAt(NewBlock());
    }

    /// <summary>The current block holds the user's code: reaching it with the disconnected statuses alone separates abort.</summary>
    private void MarkCode()
    {
        if (Reachable)
            _model.Graph.Blocks[_current].CanSeparate = true;
    }

    /// <summary>An unconditional edge from the current block; nothing follows it.</summary>
    private void Goto(int target)
    {
        if (Reachable)
            _model.AddEdge(_current, new ProtocolEdge(target));
        _current = -1;
    }

    /// <summary>The path ends by throwing: it owes nothing.</summary>
    private void EndByThrowing() => _current = -1;

    /// <summary>
    /// Two edges out of the current block: to <paramref name="whenTrue"/> when the status in <paramref name="holder"/>
    /// is one of <paramref name="mask"/>, else to <paramref name="whenFalse"/> (-1: the path ends there).
    /// </summary>
    private void Branch(int holder, byte mask, int whenTrue, int whenFalse)
    {
        var from = _current;
        _model.AddEdge(from, new ProtocolEdge(whenTrue, holder, holder >= 0 ? mask : StatusMask.All));
        _model.AddEdge(from, new ProtocolEdge(whenFalse, holder, holder >= 0 ? (byte)(~mask & StatusMask.All) : StatusMask.All));
        _current = -1;
    }

    /// <summary>A null check: to <paramref name="whenNull"/> when the key or holder is null, else to <paramref name="whenNotNull"/>.</summary>
    private void BranchOnNull(AccessPath? path, int holder, int whenNull, int whenNotNull)
    {
        var from = _current;
        var edges = _model.Graph.Blocks[from].Edges;
        _model.AddEdge(from, new ProtocolEdge(whenNotNull));
        if (path is not null || holder >= 0)
            _model.NullEdges.Add(new NullEdge(from, edges.Count, path, holder));
        _model.AddEdge(from, new ProtocolEdge(whenNull));
        _current = -1;
    }

    // ---- scopes and jumps ----

    private abstract class Scope
    {
    }

    /// <summary>A loop or switch: where its break and continue labels go.</summary>
    private sealed class LabelScope : Scope
    {
        public LabelScope(ILabelSymbol? breakLabel, int breakTarget, ILabelSymbol? continueLabel, int continueTarget)
        {
            BreakLabel = breakLabel;
            BreakTarget = breakTarget;
            ContinueLabel = continueLabel;
            ContinueTarget = continueTarget;
        }

        public ILabelSymbol? BreakLabel { get; }

        public int BreakTarget { get; }

        public ILabelSymbol? ContinueLabel { get; }

        public int ContinueTarget { get; }
    }

    /// <summary>
    /// A region every way out of which runs a finally: its template, blocks [<see cref="Start"/>, <see cref="End"/>),
    /// entered at <see cref="Entry"/>, built once and copied onto each way out, like the graph path does.
    /// </summary>
    private sealed class FinallyScope : Scope
    {
        public FinallyScope(int entry, int start, int end)
        {
            Entry = entry;
            Start = start;
            End = end;
        }

        public int Entry { get; }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>Builds a finally template from <paramref name="buildBody"/>, leaving the current block as it was.</summary>
    private FinallyScope BuildFinallyTemplate(Action buildBody)
    {
        var saved = _current;
        var start = _model.BlockCount;
        var entry = NewBlock();
        StartAt(entry);
        buildBody();
        if (Reachable)
            _model.AddEdge(_current, new ProtocolEdge(FinallyEnd));
        var scope = new FinallyScope(entry, start, _model.BlockCount);
        _current = saved;
        if (saved >= 0)
            _walker.Events = _model.EventsOf(saved);
        return scope;
    }

    /// <summary>Jumps to <paramref name="target"/>, leaving every scope from index <paramref name="leaveFrom"/> on: their finally regions run first, innermost first.</summary>
    private void JumpOut(int target, int leaveFrom)
    {
        if (!Reachable)
            return;
        for (var k = leaveFrom; k < _scopes.Count; k++)
        {
            if (_scopes[k] is FinallyScope region)
                target = CopyFinally(region, target);
        }

        Goto(target);
    }

    /// <summary>A fresh copy of a finally template whose end continues to <paramref name="continuation"/>: each way out keeps its own path.</summary>
    private int CopyFinally(FinallyScope region, int continuation)
    {
        var count = region.End - region.Start;
        if (_model.BlockCount + count > _maxBlocks)
            throw new NotCoveredException("block budget");
        var offset = _model.BlockCount - region.Start;
        for (var b = region.Start; b < region.End; b++)
        {
            var copy = _model.AddBlock(_model.EventsOf(b));
            _finallyCopies.Add(copy);
            _model.Graph.Blocks[copy].CanSeparate = _model.Graph.Blocks[b].CanSeparate;
            _model.Graph.Blocks[copy].SeparationScope = region.Entry + offset;
        }
        for (var b = region.Start; b < region.End; b++)
        {
            foreach (var edge in _model.Graph.Blocks[b].Edges)
            {
                var target = edge.Target == FinallyEnd ? continuation
                    : edge.Target >= region.Start && edge.Target < region.End ? edge.Target + offset
                    : edge.Target;
                _model.AddEdge(b + offset, edge.WithTarget(target, edge.Holder));
            }
        }

        var nullEdges = _model.NullEdges;
        for (int i = 0, n = nullEdges.Count; i < n; i++)
        {
            var nullEdge = nullEdges[i];
            if (nullEdge.Block >= region.Start && nullEdge.Block < region.End)
                nullEdges.Add(new NullEdge(nullEdge.Block + offset, nullEdge.Edge, nullEdge.Path, nullEdge.Holder));
        }

        return region.Entry + offset;
    }

    /// <summary>Where a break or continue goes, and the index of the loop or switch it belongs to.</summary>
    private int FindLabel(ILabelSymbol label, out int scopeIndex)
    {
        for (var k = _scopes.Count - 1; k >= 0; k--)
        {
            if (_scopes[k] is not LabelScope scope)
                continue;
            scopeIndex = k;
            if (SymbolEqualityComparer.Default.Equals(scope.BreakLabel, label))
                return scope.BreakTarget;
            if (scope.ContinueLabel is not null && SymbolEqualityComparer.Default.Equals(scope.ContinueLabel, label))
                return scope.ContinueTarget;
        }

        throw new NotCoveredException("goto or label"); // a goto to a label of the user's: the graph's job
    }

    /// <summary>Thrown where the builder meets what it leaves to the control-flow graph; never escapes <see cref="TryBuild"/>.</summary>
    private sealed class NotCoveredException : Exception
    {
        public NotCoveredException(string construct)
            : base(construct)
        {
        }
    }
}

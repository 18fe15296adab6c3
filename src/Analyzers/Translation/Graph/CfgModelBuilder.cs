using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Builds the protocol model of a function from Roslyn's <see cref="ControlFlowGraph"/>: one model block per basic
/// block, conditions on status holders turned into edge guards, null checks of doorbells into null edges, finally
/// regions copied onto every branch that runs them, catch and filter regions as entries that owe nothing.
/// The reference path: everything the syntax-directed builder does not cover comes here.
/// </summary>
internal sealed class CfgModelBuilder : IInlineTarget
{
    private readonly ControlFlowGraph _cfg;
    private readonly EventWalker _walker;
    private readonly int _maxBlocks;
    private readonly RawModel _model = new();
    private readonly (int Holder, byte WhenTrue)[] _tests;
    private readonly (int Variable, ushort WhenTrue)[] _derivedTests;
    private readonly (AccessPath? Path, int Holder, bool NullWhenTrue)[] _nullTests;
    private readonly Location?[] _conditionAnchors;

    // A basic block whose calls inline helpers becomes several model blocks: the block's own (its ordinal), the helpers'
    // blocks, and the blocks that go on after each call; the last of them ends with the basic block's branches.
    private readonly int[] _lastPart;
    private readonly List<int>?[] _extraParts;
    private int _current = -1;
    private int _translating;
    private bool _gaveUp;

    public CfgModelBuilder(ControlFlowGraph cfg, EventWalker walker, int maxBlocks)
    {
        _cfg = cfg;
        _walker = walker;
        _maxBlocks = maxBlocks;
        _tests = new (int, byte)[cfg.Blocks.Length];
        _derivedTests = new (int, ushort)[cfg.Blocks.Length];
        _nullTests = new (AccessPath?, int, bool)[cfg.Blocks.Length];
        _conditionAnchors = new Location?[cfg.Blocks.Length];
        _lastPart = new int[cfg.Blocks.Length];
        _extraParts = new List<int>?[cfg.Blocks.Length];
        for (var i = 0; i < _nullTests.Length; i++)
            _nullTests[i].Holder = -1;
    }

    /// <summary>The model, or null when the function rings nothing or the translation gave up.</summary>
    public FunctionModel Build()
    {
        var blocks = _cfg.Blocks;
        if (blocks.Length > _maxBlocks)
            return FunctionModel.GaveUp(_walker.Sites.All, GiveUpReason.TooManyBlocks);

        // Model blocks 0..n-1 are Roslyn's blocks; inlined helpers and finally copies are appended. Roslyn's graph keeps
        // no block without an operation or a branch value but the entry and the exit, so a block with either holds the
        // user's code.
        for (var i = 0; i < blocks.Length; i++)
        {
            _model.AddBlock();
            _model.Graph.Blocks[i].CanSeparate = !blocks[i].Operations.IsEmpty || blocks[i].BranchValue is not null;
        }

        _walker.InlineTarget = this;
        _walker.SetDerivedRoot(_cfg.OriginalOperation);
        _walker.Paths.ResolveCaptures(_cfg, _walker.Symbols, _walker.Holders);
        NumberDerivedCaptures();
        for (var i = 0; i < blocks.Length; i++)
        {
            _walker.CancellationToken.ThrowIfCancellationRequested();
            TranslateEvents(blocks[i]);
            if (_walker.GaveUp)
                return FunctionModel.GaveUp(_walker.Sites.All, GiveUpReason.TooDeep);
        }

        if (!_walker.HasRing)
            return FunctionModel.NoRing;

        var top = new FinallyContext(null, null, -1);
        for (var i = 0; i < blocks.Length; i++)
        {
            BuildEdges(blocks[i], _lastPart[i], top);
            if (_gaveUp)
                return FunctionModel.GaveUp(_walker.Sites.All, GiveUpReason.TooManyBlocks);
        }

        _model.Graph.Blocks[blocks.Length - 1].IsNormalExit = true;
        MarkHandlerEntries(_cfg.Root);
        return KeyNumbering.Finish(_model, _walker.Captured, _walker.Helpers, out var keys)
            ? new FunctionModel(_model.Graph, _walker.Sites.All, hasRing: true, _model.Anchors, keys)
            : FunctionModel.GaveUp(_walker.Sites.All, GiveUpReason.TooManyNames);
    }

    /// <summary>
    /// The captures of a branching expression's bool, enum or integer value whose definitions are constants or status
    /// tests: derived variables. And the number of definitions of each capture of a doorbell: all creations make a creation.
    /// </summary>
    private void NumberDerivedCaptures()
    {
        Dictionary<CaptureId, List<IOperation?>>? definitions = null;
        foreach (var block in _cfg.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (operation is IFlowCaptureOperation doorbell && doorbell.Value.Type?.IsReferenceType == true)
                {
                    var counts = _walker.DoorbellCaptureDefinitions ??= new Dictionary<CaptureId, int>();
                    counts[doorbell.Id] = counts.TryGetValue(doorbell.Id, out var count) ? count + 1 : 1;
                }

                if (operation is IFlowCaptureOperation capture && DerivedLocals.IsDerivableType(capture.Value.Type, _walker.Symbols.IsStatus) && !_walker.Paths.TryCapturePath(capture.Id, out _))
                {
                    definitions ??= new Dictionary<CaptureId, List<IOperation?>>();
                    if (!definitions.TryGetValue(capture.Id, out var list))
                        definitions[capture.Id] = list = new List<IOperation?>();
                    list.Add(capture.Value);
                }
            }
        }

        if (definitions is null)
            return;
        foreach (var pair in definitions)
            _walker.DerivedTemporary(pair.Key, pair.Value[0]!.Type, pair.Value);
    }

    private void TranslateEvents(BasicBlock block)
    {
        _translating = block.Ordinal;
        _current = block.Ordinal;
        _walker.Events = _model.EventsOf(block.Ordinal);
        _tests[block.Ordinal] = (-1, StatusMask.All);
        _derivedTests[block.Ordinal] = (-1, DerivedValues.AllCodes);
        foreach (var operation in block.Operations)
            _walker.Discard(_walker.Walk(operation));

        if (block.BranchValue is { } branchValue)
        {
            if (block.ConditionalSuccessor is not null && _walker.TryNullTest(branchValue, out var nullPath, out var nullHolder, out var nullWhenTrue))
            {
                _nullTests[block.Ordinal] = (nullPath, nullHolder, nullWhenTrue);
            }
            else if (block.ConditionalSuccessor is not null && _walker.TryTest(branchValue, out var holder, out var whenTrue))
            {
                if (holder >= 0)
                {
                    _tests[block.Ordinal] = (holder, whenTrue);
                    _conditionAnchors[block.Ordinal] = branchValue.Syntax is { } test ? SyntaxAnchors.CaseLabel(test) : null;
                }
            }
            else if (block.ConditionalSuccessor is not null && _walker.TryTestDerived(branchValue, out var variable, out var codes))
            {
                _derivedTests[block.Ordinal] = (variable, codes);
            }
            else
            {
                var walked = _walker.Walk(branchValue);
                if (block.ConditionalSuccessor is not null && _walker.TryTestWalked(walked, branchValue.Type, out var helperVariable, out var helperCodes))
                    _derivedTests[block.Ordinal] = (helperVariable, helperCodes);
                else
                    _walker.Consume(walked);
            }
        }

        // An inlined helper always continues in a block of its own (IInlineTarget.ContinueAt): the block's edges leave from there.
        _lastPart[block.Ordinal] = _current;
    }

    // ---- inlining helpers (IInlineTarget) ----

    RawModel IInlineTarget.Model => _model;

    int IInlineTarget.CurrentBlock => _current;

    int IInlineTarget.NewInlineBlock()
    {
        var block = _model.AddBlock();
        (_extraParts[_translating] ??= new List<int>()).Add(block);
        return block;
    }

    void IInlineTarget.JumpTo(int block)
    {
        _model.AddEdge(_current, new ProtocolEdge(block));
        _current = -1;
    }

    void IInlineTarget.ContinueAt(int block)
    {
        _current = block;
        _walker.Events = _model.EventsOf(block);
    }

    bool IInlineTarget.HasRoomFor(int blocks) => _model.BlockCount + blocks <= _maxBlocks;


    /// <summary>Where a copied finally region sends its blocks (ordinal to model block), and where its end goes.</summary>
    private sealed class FinallyContext
    {
        public FinallyContext(FinallyContext? parent, Dictionary<int, int>? map, int continuation)
        {
            Parent = parent;
            Map = map;
            Continuation = continuation;
        }

        public FinallyContext? Parent { get; }

        public Dictionary<int, int>? Map { get; }

        /// <summary>Where the end of the copied finally region goes.</summary>
        public int Continuation { get; }

        public int Resolve(int ordinal)
        {
            for (var c = this; c is not null; c = c.Parent)
            {
                if (c.Map is not null && c.Map.TryGetValue(ordinal, out var mapped))
                    return mapped;
            }

            return ordinal;
        }
    }

    private void BuildEdges(BasicBlock block, int modelIndex, FinallyContext context)
    {
        if (_conditionAnchors[block.Ordinal] is { } condition)
            _model.SetConditionAnchor(modelIndex, condition);
        if (LeavesTheMethod(block.FallThroughSuccessor) || LeavesTheMethod(block.ConditionalSuccessor))
            _model.SetLeaveAnchor(modelIndex, LeaveSyntax(block));

        var (holder, whenTrue) = _tests[block.Ordinal];
        if (block.ConditionalSuccessor is { } constantBranch && block.BranchValue?.ConstantValue is { HasValue: true, Value: bool constant })
        {
            // while (true), if (false): only one way is possible.
            var jumps = constant == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
            var only = jumps ? constantBranch : block.FallThroughSuccessor;
            if (only is not null)
                _model.AddEdge(modelIndex, new ProtocolEdge(Resolve(only, context)));
        }
        else if (block.ConditionalSuccessor is { } conditional)
        {
            var edges = _model.Graph.Blocks[modelIndex].Edges;
            var taken = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? whenTrue : (byte)(~whenTrue & StatusMask.All);
            var (variable, codes) = _derivedTests[block.Ordinal];
            var codesTaken = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? codes : DerivedValues.Complement(codes);
            var conditionalIndex = edges.Count;
            _model.AddEdge(modelIndex, new ProtocolEdge(Resolve(conditional, context), holder, holder >= 0 ? taken : StatusMask.All, derivedVariable: variable, derivedTakenWhen: codesTaken));
            var otherwiseIndex = -1;
            if (block.FallThroughSuccessor is { } otherwise)
            {
                otherwiseIndex = edges.Count;
                _model.AddEdge(modelIndex, new ProtocolEdge(Resolve(otherwise, context), holder, holder >= 0 ? (byte)(~taken & StatusMask.All) : StatusMask.All, derivedVariable: variable, derivedTakenWhen: DerivedValues.Complement(codesTaken)));
            }

            // On the edge where a doorbell is null, it cannot have been rung on that path (d?.Ring(v); ... d?.ReadStatus()).
            var (nullPath, nullHolder, nullWhenTrue) = _nullTests[block.Ordinal];
            if (nullPath is not null || nullHolder >= 0)
            {
                var nullEdge = nullWhenTrue == (block.ConditionKind == ControlFlowConditionKind.WhenTrue) ? conditionalIndex : otherwiseIndex;
                if (nullEdge >= 0)
                    _model.NullEdges.Add(new NullEdge(modelIndex, nullEdge, nullPath, nullHolder));
            }
        }
        else if (block.FallThroughSuccessor is { } fallThrough)
        {
            _model.AddEdge(modelIndex, new ProtocolEdge(Resolve(fallThrough, context)));
        }
    }

    private bool LeavesTheMethod(ControlFlowBranch? branch) =>
        branch is not null && (branch.Semantics == ControlFlowBranchSemantics.Return || branch.Destination?.Kind == BasicBlockKind.Exit);

    /// <summary>The statement through which a block leaves: a return around its value, the return an if guards, else the end of the body.</summary>
    private Location LeaveSyntax(BasicBlock block)
    {
        if (block.BranchValue is { } value)
        {
            if (SyntaxAnchors.ReturnAround(value.Syntax) is { } returned)
                return returned;
            if (value.Syntax.Parent is IfStatementSyntax { Statement: var guarded } && (guarded as ReturnStatementSyntax ?? (guarded as BlockSyntax)?.Statements.LastOrDefault() as ReturnStatementSyntax) is { } bare)
                return bare.GetLocation();
        }

        return SyntaxAnchors.EndOf(_cfg.OriginalOperation.Syntax);
    }

    private int Resolve(ControlFlowBranch branch, FinallyContext context)
    {
        int target;
        if (branch.Destination is { } destination)
            target = context.Resolve(destination.Ordinal);
        else if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
            target = context.Continuation;
        else
            return -1; // throw, rethrow, error: the path ends by throwing and owes nothing

        for (var i = branch.FinallyRegions.Length - 1; i >= 0 && !_gaveUp; i--)
            target = CopyFinally(branch.FinallyRegions[i], context, target);
        return target;
    }

    /// <summary>A fresh copy of a finally region whose end continues to <paramref name="continuation"/>: each way out keeps its own path.</summary>
    private int CopyFinally(ControlFlowRegion region, FinallyContext context, int continuation)
    {
        // The region's model blocks: each basic block's own, and the parts its inlined helpers added.
        var parts = new List<int>();
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            parts.Add(ordinal);
            if (_extraParts[ordinal] is { } extra)
                parts.AddRange(extra);
        }

        if (_model.BlockCount + parts.Count > _maxBlocks)
        {
            _gaveUp = true;
            return -1;
        }

        var copies = new Dictionary<int, int>();
        foreach (var part in parts)
            copies[part] = _model.AddBlock(_model.EventsOf(part));
        foreach (var part in parts)
        {
            _model.Graph.Blocks[copies[part]].CanSeparate = _model.Graph.Blocks[part].CanSeparate;
            _model.Graph.Blocks[copies[part]].SeparationScope = copies[region.FirstBlockOrdinal];
        }

        // Edges between the parts (into, through and out of inlined helpers) are copied; the last part of each basic
        // block ends with its branches, which are built again below for this copy's continuation.
        var lastParts = new HashSet<int>();
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
            lastParts.Add(_lastPart[ordinal]);
        foreach (var part in parts)
        {
            if (lastParts.Contains(part))
                continue;
            foreach (var edge in _model.Graph.Blocks[part].Edges)
                _model.AddEdge(copies[part], edge.WithTarget(copies.TryGetValue(edge.Target, out var copied) ? copied : edge.Target, edge.Holder));
        }

        var nullEdges = _model.NullEdges;
        for (int i = 0, n = nullEdges.Count; i < n; i++)
        {
            if (!lastParts.Contains(nullEdges[i].Block) && copies.TryGetValue(nullEdges[i].Block, out var copied))
                nullEdges.Add(new NullEdge(copied, nullEdges[i].Edge, nullEdges[i].Path, nullEdges[i].Holder));
        }

        var map = new Dictionary<int, int>();
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
            map[ordinal] = copies[ordinal];
        var inner = new FinallyContext(context, map, continuation);
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal && !_gaveUp; ordinal++)
            BuildEdges(_cfg.Blocks[ordinal], copies[_lastPart[ordinal]], inner);
        return map[region.FirstBlockOrdinal];
    }

    private void MarkHandlerEntries(ControlFlowRegion region)
    {
        if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter)
            _model.Graph.Blocks[region.FirstBlockOrdinal].IsHandlerEntry = true;
        if (region.Kind == ControlFlowRegionKind.TryAndCatch && region.NestedRegions.Length > 1)
        {
            // Whatever throws in the try goes to each handler's entry (the filter's, when there is one).
            var @try = region.NestedRegions[0];
            for (var h = 1; h < region.NestedRegions.Length; h++)
            {
                for (var ordinal = @try.FirstBlockOrdinal; ordinal <= @try.LastBlockOrdinal; ordinal++)
                {
                    _model.Graph.Blocks[ordinal].AddHandler(region.NestedRegions[h].FirstBlockOrdinal);
                    foreach (var part in _extraParts[ordinal] ?? (IEnumerable<int>)System.Array.Empty<int>())
                        _model.Graph.Blocks[part].AddHandler(region.NestedRegions[h].FirstBlockOrdinal);
                }
            }
        }

        foreach (var nested in region.NestedRegions)
            MarkHandlerEntries(nested);
    }
}

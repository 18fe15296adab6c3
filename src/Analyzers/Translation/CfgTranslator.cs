using System;
using System.Collections.Generic;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Plumbing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>A ring the model numbered: where to report it and how to name its doorbell.</summary>
internal sealed class RingSite
{
    public RingSite(Location location, string doorbellText)
    {
        Location = location;
        DoorbellText = doorbellText;
    }

    public Location Location { get; }

    public string DoorbellText { get; }
}

/// <summary>The model of one function (method, accessor, lambda, local function), or why there is none.</summary>
internal sealed class FunctionModel
{
    public FunctionModel(ProtocolGraph? graph, IReadOnlyList<RingSite> sites, bool hasRing)
    {
        Graph = graph;
        Sites = sites;
        HasRing = hasRing;
    }

    /// <summary>Null when the translation gave up (invalid code, a budget): then nothing is reported.</summary>
    public ProtocolGraph? Graph { get; }

    public IReadOnlyList<RingSite> Sites { get; }

    /// <summary>False when the function rings nothing: no rule can fire, the analysis is skipped.</summary>
    public bool HasRing { get; }
}

/// <summary>
/// Translates Roslyn's <see cref="ControlFlowGraph"/> of one function into a <see cref="ProtocolGraph"/>: access-path
/// keys, flow captures resolved to keys or status holders, conditions on status holders turned into edge guards,
/// finally regions copied onto every branch that runs them, catch regions as entries that owe nothing.
/// </summary>
internal sealed class CfgTranslator
{
    private const int ScratchHolder = ProtocolElement.MaxHolders - 1;
    private const int MaxWalkDepth = 200;
    private const int StraightLineBlocks = 3;

    private readonly ControlFlowGraph? _cfg;
    private readonly ProtocolSymbols _symbols;
    private readonly ProtocolConfiguration _configuration;
    private readonly IMethodSymbol? _function;
    private readonly bool _suppressOwnRings;
    private readonly CapturedRoots _captured;
    private readonly int _maxBlocks;
    private readonly CancellationToken _cancellationToken;

    private readonly Dictionary<ILocalSymbol, int> _localHolders = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CaptureId, int> _captureHolders = new();
    private readonly Dictionary<CaptureId, AccessPath?> _captureKeys = new();
    private readonly List<RingSite> _sites = new();
    private readonly HelperIndex _helpers;
    private readonly ProtocolGraph _graph = new();
    private readonly List<int> _modelToRoslyn = new();
    private readonly List<RawEvent>?[] _rawEvents;
    private readonly (int Holder, byte WhenTrue)[] _tests;
    private readonly (AccessPath? Path, int Holder, bool NullWhenTrue)[] _nullTests;
    private readonly List<(int Block, int Edge, AccessPath? Path, int Holder)> _nullEdges = new();

    private List<RawEvent> _current = new();
    private bool _gaveUp;
    private bool _hasRing;
    private int _nextHolder;
    private int _depth;

    // cfg is null for a branch-free body given to TranslateStraightLine.
    public CfgTranslator(ControlFlowGraph? cfg, ProtocolSymbols symbols, ProtocolConfiguration configuration, IMethodSymbol? function, bool suppressOwnRings, CapturedRoots captured, int maxBlocks, CancellationToken cancellationToken)
    {
        _cfg = cfg;
        _symbols = symbols;
        _configuration = configuration;
        _function = function;
        _suppressOwnRings = suppressOwnRings;
        _captured = captured;
        _maxBlocks = maxBlocks;
        _cancellationToken = cancellationToken;
        var blockCount = cfg?.Blocks.Length ?? StraightLineBlocks;
        _rawEvents = new List<RawEvent>?[blockCount];
        _helpers = new HelperIndex(cancellationToken);
        _tests = new (int, byte)[blockCount];
        _nullTests = new (AccessPath?, int, bool)[blockCount];
        for (var i = 0; i < _nullTests.Length; i++)
            _nullTests[i].Holder = -1;
    }

    /// <summary>
    /// The fast path: a body without branches, loops, try, lambdas or conditional operators is one block of events,
    /// read in order from the operation tree, with no CFG at all (see <see cref="StraightLineBody"/>).
    /// </summary>
    public FunctionModel TranslateStraightLine(IReadOnlyList<IOperation> statements)
    {
        _current = new List<RawEvent>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case IVariableDeclarationGroupOperation group:
                    foreach (var declaration in group.Declarations)
                    {
                        foreach (var declarator in declaration.Declarators)
                        {
                            if ((declarator.Initializer ?? declaration.Initializer)?.Value is { } initial)
                                AssignToLocal(declarator.Symbol, initial);
                        }
                    }

                    break;
                case IReturnOperation @return:
                    Consume(Walk(@return.ReturnedValue));
                    break;
                default:
                    Walk(statement);
                    break;
            }

            if (_gaveUp)
                return new FunctionModel(null, _sites, _hasRing);
        }

        if (!_hasRing)
            return new FunctionModel(null, _sites, hasRing: false);

        _rawEvents[0] = new List<RawEvent>();
        _rawEvents[1] = _current;
        _rawEvents[2] = new List<RawEvent>();
        for (var i = 0; i < StraightLineBlocks; i++)
        {
            _graph.AddBlock();
            _modelToRoslyn.Add(i);
        }

        _graph.Blocks[0].Edges.Add(new ProtocolEdge(1));
        _graph.Blocks[1].Edges.Add(new ProtocolEdge(2));
        _graph.Blocks[2].IsNormalExit = true;
        Finish();
        return new FunctionModel(_gaveUp ? null : _graph, _sites, _hasRing);
    }

    public FunctionModel Translate()
    {
        var blocks = _cfg!.Blocks;
        if (blocks.Length > _maxBlocks)
            return new FunctionModel(null, _sites, hasRing: true);

        ResolveCaptureKeys();
        for (var i = 0; i < blocks.Length; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            TranslateEvents(blocks[i]);
            if (_gaveUp)
                return new FunctionModel(null, _sites, _hasRing);
        }

        if (!_hasRing)
            return new FunctionModel(null, _sites, hasRing: false);

        // Model blocks 0..n-1 are Roslyn's blocks; finally copies are appended.
        for (var i = 0; i < blocks.Length; i++)
        {
            _graph.AddBlock();
            _modelToRoslyn.Add(i);
        }

        var top = new Context(null, null, -1);
        for (var i = 0; i < blocks.Length; i++)
        {
            BuildEdges(blocks[i], i, top);
            if (_gaveUp)
                return new FunctionModel(null, _sites, _hasRing);
        }

        _graph.Blocks[blocks.Length - 1].IsNormalExit = true;
        MarkHandlerEntries(_cfg!.Root);
        Finish();
        return new FunctionModel(_gaveUp ? null : _graph, _sites, _hasRing);
    }

    // ---- finally regions, handlers, edges ----

    private sealed class Context
    {
        public Context(Context? parent, Dictionary<int, int>? map, int continuation)
        {
            Parent = parent;
            Map = map;
            Continuation = continuation;
        }

        public Context? Parent { get; }

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

    private void BuildEdges(BasicBlock block, int modelIndex, Context context)
    {
        var model = _graph.Blocks[modelIndex];
        var (holder, whenTrue) = _tests[block.Ordinal];
        if (block.ConditionalSuccessor is { } constantBranch && block.BranchValue?.ConstantValue is { HasValue: true, Value: bool constant })
        {
            // while (true), if (false): only one way is possible.
            var jumps = constant == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
            var only = jumps ? constantBranch : block.FallThroughSuccessor;
            if (only is not null)
                model.Edges.Add(new ProtocolEdge(Resolve(only, context)));
        }
        else if (block.ConditionalSuccessor is { } conditional)
        {
            var taken = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? whenTrue : (byte)(~whenTrue & StatusMask.All);
            var conditionalIndex = model.Edges.Count;
            model.Edges.Add(new ProtocolEdge(Resolve(conditional, context), holder, holder >= 0 ? taken : StatusMask.All));
            var otherwiseIndex = -1;
            if (block.FallThroughSuccessor is { } otherwise)
            {
                otherwiseIndex = model.Edges.Count;
                model.Edges.Add(new ProtocolEdge(Resolve(otherwise, context), holder, holder >= 0 ? (byte)(~taken & StatusMask.All) : StatusMask.All));
            }

            // On the edge where a doorbell is null, it cannot have been rung on that path (d?.Ring(v); ... d?.ReadStatus()).
            var (nullPath, nullHolder, nullWhenTrue) = _nullTests[block.Ordinal];
            if (nullPath is not null || nullHolder >= 0)
            {
                var nullEdge = nullWhenTrue == (block.ConditionKind == ControlFlowConditionKind.WhenTrue) ? conditionalIndex : otherwiseIndex;
                if (nullEdge >= 0)
                    _nullEdges.Add((modelIndex, nullEdge, nullPath, nullHolder));
            }
        }
        else if (block.FallThroughSuccessor is { } fallThrough)
        {
            model.Edges.Add(new ProtocolEdge(Resolve(fallThrough, context)));
        }
    }

    private int Resolve(ControlFlowBranch branch, Context context)
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
    private int CopyFinally(ControlFlowRegion region, Context context, int continuation)
    {
        var count = region.LastBlockOrdinal - region.FirstBlockOrdinal + 1;
        if (_graph.Blocks.Count + count > _maxBlocks)
        {
            _gaveUp = true;
            return -1;
        }

        var map = new Dictionary<int, int>();
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            map[ordinal] = _graph.Blocks.Count;
            _graph.AddBlock();
            _modelToRoslyn.Add(ordinal);
        }

        var inner = new Context(context, map, continuation);
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal && !_gaveUp; ordinal++)
            BuildEdges(_cfg!.Blocks[ordinal], map[ordinal], inner);
        return map[region.FirstBlockOrdinal];
    }

    private void MarkHandlerEntries(ControlFlowRegion region)
    {
        if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter)
            _graph.Blocks[region.FirstBlockOrdinal].IsHandlerEntry = true;
        foreach (var nested in region.NestedRegions)
            MarkHandlerEntries(nested);
    }

    // ---- keys ----

    private void ResolveCaptureKeys()
    {
        // Two rounds: a capture may be defined from another capture that a later block defines.
        for (var round = 0; round < 2; round++)
        {
            var seen = new Dictionary<CaptureId, AccessPath?>();
            foreach (var block in _cfg!.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is not IFlowCaptureOperation capture)
                        continue;
                    if (_symbols.IsStatus(capture.Value.Type))
                    {
                        // A status capture (switch on s, switch on d.ReadStatus()) is a holder, never a key.
                        HolderForCapture(capture.Id, allocate: true);
                        continue;
                    }

                    var path = TryPath(capture.Value);
                    if (!seen.TryGetValue(capture.Id, out var previous))
                        seen[capture.Id] = path;
                    else if (previous is null || path is null || !previous.Equals(path))
                        seen[capture.Id] = null;
                }
            }

            _captureKeys.Clear();
            foreach (var pair in seen)
                _captureKeys[pair.Key] = pair.Value;
        }
    }

    /// <summary>The access path an expression names, or null when it is no local/parameter/this/field/property chain.</summary>
    private AccessPath? TryPath(IOperation? operation, int depth = 0)
    {
        if (depth > AccessPath.MaxSteps)
            return null;
        operation = StripConversions(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return AccessPath.ForLocal(local.Local);
            case IParameterReferenceOperation parameter:
                return AccessPath.ForParameter(parameter.Parameter);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return AccessPath.ForThis();
            case IFlowCaptureReferenceOperation capture:
                return _captureKeys.TryGetValue(capture.Id, out var captured) ? captured : null;
            case IFieldReferenceOperation { ConstantValue.HasValue: true }:
                return null;
            case IFieldReferenceOperation field:
                if (field.Field.IsStatic)
                    return AccessPath.ForStatic(field.Field);
                return TryPath(field.Instance, depth + 1)?.Then(field.Field);
            case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                if (property.Property.IsStatic)
                    return AccessPath.ForStatic(property.Property);
                return TryPath(property.Instance, depth + 1)?.Then(property.Property);
            default:
                return null;
        }
    }

    private static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        while (operation is IParenthesizedOperation parenthesized)
            operation = parenthesized.Operand;
        return operation;
    }

    // ---- events ----

    private enum ValueKind
    {
        Other,

        /// <summary>A status read not yet stored anywhere (the consumer decides the holder).</summary>
        Read,

        /// <summary>A status already in a holder.</summary>
        Holder,

        /// <summary>A doorbell (or other tracked object) named by an access path.</summary>
        Key,

        /// <summary>A doorbell just created, disconnected.</summary>
        Created,
    }

    private readonly struct Value
    {
        private Value(ValueKind kind, AccessPath? path, int holder)
        {
            Kind = kind;
            Path = path;
            Holder = holder;
        }

        public static Value Other => default;

        public static Value Created => new(ValueKind.Created, null, -1);

        public ValueKind Kind { get; }

        public AccessPath? Path { get; }

        public int Holder { get; }

        public static Value ReadOf(AccessPath path) => new(ValueKind.Read, path, -1);

        public static Value HolderOf(int holder) => new(ValueKind.Holder, null, holder);

        public static Value KeyOf(AccessPath path) => new(ValueKind.Key, path, -1);
    }

    private void TranslateEvents(BasicBlock block)
    {
        _current = new List<RawEvent>();
        _tests[block.Ordinal] = (-1, StatusMask.All);
        foreach (var operation in block.Operations)
            Discard(Walk(operation));

        if (block.BranchValue is { } branchValue)
        {
            if (block.ConditionalSuccessor is not null && TryNullTest(branchValue, out var nullPath, out var nullHolder, out var nullWhenTrue))
            {
                _nullTests[block.Ordinal] = (nullPath, nullHolder, nullWhenTrue);
            }
            else if (block.ConditionalSuccessor is not null && TryTest(branchValue, out var holder, out var whenTrue))
            {
                if (holder >= 0)
                    _tests[block.Ordinal] = (holder, whenTrue);
            }
            else
            {
                Consume(Walk(branchValue));
            }
        }

        _rawEvents[block.Ordinal] = _current;
    }

    private void Emit(RawEvent e) => _current.Add(e);

    /// <summary>A value computed and dropped: a discarded status read is still a read, with nothing tested.</summary>
    private void Discard(Value value)
    {
        if (value.Kind == ValueKind.Read)
            Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path));
    }

    /// <summary>A value that goes somewhere we do not follow: whoever gets it takes over the responsibility.</summary>
    private void Consume(Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Read:
                Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path, holder: ScratchHolder));
                Emit(new RawEvent(ProtocolEventKind.HolderEscape, RawScope.None, holder: ScratchHolder));
                break;
            case ValueKind.Holder:
                Emit(new RawEvent(ProtocolEventKind.HolderEscape, RawScope.None, holder: value.Holder));
                break;
            case ValueKind.Key:
                Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, value.Path));
                break;
        }
    }

    /// <summary>Stores <paramref name="value"/> in <paramref name="holder"/>.</summary>
    private void Bind(int holder, Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Read:
                Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path, holder: holder));
                break;
            case ValueKind.Holder:
                if (value.Holder != holder)
                    Emit(new RawEvent(ProtocolEventKind.HolderCopy, RawScope.None, holder: holder, sourceHolder: value.Holder));
                break;
            default:
                Consume(value);
                Emit(new RawEvent(ProtocolEventKind.HolderClear, RawScope.None, holder: holder));
                break;
        }
    }

    private int HolderForLocal(ILocalSymbol local)
    {
        if (!_symbols.IsStatus(local.Type))
            return -1;
        if (_localHolders.TryGetValue(local, out var holder))
            return holder;
        holder = _nextHolder < ScratchHolder ? _nextHolder++ : -1;
        _localHolders[local] = holder;
        return holder;
    }

    private int HolderForCapture(CaptureId id, bool allocate)
    {
        if (_captureHolders.TryGetValue(id, out var holder))
            return holder;
        if (!allocate)
            return -1;
        holder = _nextHolder < ScratchHolder ? _nextHolder++ : -1;
        _captureHolders[id] = holder;
        return holder;
    }

    private Value Walk(IOperation? operation)
    {
        // Deep expressions (long concatenations) must not overflow the stack: past this depth, give up on the method.
        if (_depth >= MaxWalkDepth)
        {
            _gaveUp = true;
            return Value.Other;
        }

        _depth++;
        try
        {
            return WalkCore(operation);
        }
        finally
        {
            _depth--;
        }
    }

    private Value WalkCore(IOperation? operation)
    {
        switch (operation)
        {
            case null:
                return Value.Other;
            case IInvalidOperation:
                _gaveUp = true;
                return Value.Other;
            case { Kind: OperationKind.None }:
                _gaveUp = true;
                return Value.Other;
            case IConversionOperation conversion:
                return Walk(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Walk(parenthesized.Operand);
            case IExpressionStatementOperation statement:
                Discard(Walk(statement.Operation));
                return Value.Other;
            case ILocalReferenceOperation local:
                var localHolder = HolderForLocal(local.Local);
                return localHolder >= 0 ? Value.HolderOf(localHolder) : Value.KeyOf(AccessPath.ForLocal(local.Local));
            case IParameterReferenceOperation parameter:
                return Value.KeyOf(AccessPath.ForParameter(parameter.Parameter));
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return Value.KeyOf(AccessPath.ForThis());
            case IFlowCaptureReferenceOperation captureReference:
                var captureHolder = HolderForCapture(captureReference.Id, allocate: false);
                if (captureHolder >= 0)
                    return Value.HolderOf(captureHolder);
                return _captureKeys.TryGetValue(captureReference.Id, out var capturedPath) && capturedPath is not null
                    ? Value.KeyOf(capturedPath)
                    : Value.Other;
            case IFlowCaptureOperation capture:
                WalkCapture(capture);
                return Value.Other;
            case IPropertyReferenceOperation { Property.Name: "Value" } nullableValue when IsNullable(nullableValue.Property.ContainingType):
                var held = Walk(nullableValue.Instance);
                if (held.Kind == ValueKind.Holder)
                    return held;
                Consume(held);
                return Value.Other;
            case IPropertyReferenceOperation property:
                return WalkMemberReference(property, property.Property, property.Instance, property.Arguments.Length == 0);
            case IFieldReferenceOperation { ConstantValue.HasValue: true }:
                return Value.Other; // DoorbellStatus.Connected and other constants
            case IFieldReferenceOperation field:
                return WalkMemberReference(field, null, field.Instance, true);
            case ISimpleAssignmentOperation assignment:
                return WalkAssignment(assignment);
            case IInvocationOperation invocation:
                return WalkInvocation(invocation);
            case IInterpolationOperation interpolation:
                // Showing a status in a message is not handling it, nor handing it over.
                var shown = Walk(interpolation.Expression);
                if (shown.Kind == ValueKind.Read)
                    Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, shown.Path, holder: ScratchHolder));
                else if (shown.Kind != ValueKind.Holder)
                    Consume(shown);
                Consume(Walk(interpolation.Alignment));
                Consume(Walk(interpolation.FormatString));
                return Value.Other;
            case IIsNullOperation isNull:
                Walk(isNull.Operand);
                return Value.Other;
            case IFlowAnonymousFunctionOperation:
                return Value.Other;
            case IBinaryOperation or IIsPatternOperation or IUnaryOperation when TryDistinguish(operation):
                return Value.Other;
            default:
                foreach (var child in operation.ChildOperations)
                    Consume(Walk(child));
                return Value.Other;
        }
    }

    private void WalkCapture(IFlowCaptureOperation capture)
    {
        if (_captureKeys.TryGetValue(capture.Id, out var path) && path is not null)
            return; // the capture is another name for that key (d?.Ring(v), switch on d)

        var value = Walk(capture.Value);
        if (value.Kind == ValueKind.Key)
        {
            // A capture that names different doorbells on different paths ((a ?? b).Ring(v)): stay silent about them.
            Consume(value);
            return;
        }

        var statusTyped = _symbols.IsStatus(capture.Value.Type) || value.Kind is ValueKind.Read or ValueKind.Holder;
        var holder = HolderForCapture(capture.Id, allocate: statusTyped);
        if (holder >= 0)
            Bind(holder, value);
        else
            Consume(value);
    }

    private Value WalkMemberReference(IMemberReferenceOperation reference, IPropertySymbol? property, IOperation? instance, bool mayBePath)
    {
        if (property is not null)
        {
            var operation = _symbols.Classify(property, _configuration);
            if (operation != ProtocolOperation.None)
                return ApplyProtocolOperation(reference, operation, Walk(instance), instance);
        }

        if (mayBePath && TryPath(reference) is { } path)
            return Value.KeyOf(path);

        Walk(instance);
        if (reference is IPropertyReferenceOperation indexer)
        {
            foreach (var argument in indexer.Arguments)
                Consume(Walk(argument.Value));
        }

        return Value.Other;
    }

    /// <summary><c>local = value</c> (or its declaration): a status local becomes a holder, any other local a new key value.</summary>
    private Value AssignToLocal(ILocalSymbol local, IOperation valueOperation)
    {
        var holder = HolderForLocal(local);
        if (holder >= 0)
        {
            Bind(holder, Walk(valueOperation));
            return Value.HolderOf(holder);
        }

        var value = Walk(valueOperation);
        // Copying a doorbell makes an alias we do not follow: the source escapes.
        if (value.Kind != ValueKind.Created)
            Consume(value);
        Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local), created: value.Kind == ValueKind.Created));
        return Value.Other;
    }

    private Value WalkAssignment(ISimpleAssignmentOperation assignment)
    {
        var target = StripConversions(assignment.Target);
        if (target is ILocalReferenceOperation local)
            return AssignToLocal(local.Local, assignment.Value);

        if (target is IPropertyReferenceOperation property && _symbols.Classify(property.Property, _configuration) is var operation && operation != ProtocolOperation.None)
        {
            var receiver = Walk(property.Instance);
            Consume(Walk(assignment.Value));
            ApplyProtocolOperation(property, operation, receiver, property.Instance);
            return Value.Other;
        }

        var path = TryPath(target);
        if (path is null)
            Walk(target);
        var value = Walk(assignment.Value);
        if (path is null)
        {
            Consume(value);
            return Value.Other;
        }

        // Copying a doorbell makes an alias we do not follow: the source escapes.
        if (value.Kind != ValueKind.Created)
            Consume(value);
        Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, path, created: value.Kind == ValueKind.Created));
        return Value.Other;
    }

    private Value WalkInvocation(IInvocationOperation invocation)
    {
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
            var target = Value.Other;
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
            return Value.Created;
        }

        if (_function is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _function.OriginalDefinition))
            return WalkRecursiveCall(invocation);

        // A call we cannot see into: whatever it receives escapes.
        var instance = Walk(invocation.Instance);
        if (instance.Kind == ValueKind.Holder && method.Name == "GetValueOrDefault" && method.Parameters.IsEmpty && IsNullable(method.ContainingType))
            return instance; // d?.ReadStatus() ?? fallback: the value passes through

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
        foreach (var argument in invocation.Arguments)
        {
            passesDelegate |= argument.Value.Type?.TypeKind == TypeKind.Delegate || StripConversions(argument.Value) is IFlowAnonymousFunctionOperation or IDelegateCreationOperation;
            Consume(Walk(argument.Value));
        }

        if (passesDelegate && _captured.Any)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Captured));
        if (method.ContainingType is { } containing)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.StaticOfType, type: containing));
        return Value.Other;
    }

    /// <summary>A recursive call with the same doorbell is the retry ring (and runs the whole protocol again).</summary>
    private Value WalkRecursiveCall(IInvocationOperation invocation)
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
            site = NewSite(invocation, null);
        Emit(new RawEvent(ProtocolEventKind.RecursiveRing, RawScope.AllStatic, site: site));
        return Value.Other;
    }

    private void RecursiveRing(ref int site, IOperation invocation, AccessPath path)
    {
        if (site < 0)
            site = NewSite(invocation, null);
        _hasRing = true;
        Emit(new RawEvent(ProtocolEventKind.RecursiveRing, RawScope.Prefix, path, site: site));
    }

    private Value ApplyProtocolOperation(IOperation operation, ProtocolOperation kind, Value target, IOperation? targetOperation)
    {
        if (target.Kind != ValueKind.Key)
        {
            // A doorbell we cannot name (a call's result, an ambiguous capture): say nothing about it.
            Consume(target);
            return Value.Other;
        }

        var path = target.Path!;
        switch (kind)
        {
            case ProtocolOperation.Ring:
                if (_suppressOwnRings)
                    return Value.Other;
                _hasRing = true;
                Emit(new RawEvent(ProtocolEventKind.Ring, RawScope.Exact, path, site: NewSite(operation, targetOperation)));
                return Value.Other;
            case ProtocolOperation.ReadStatus:
                return Value.ReadOf(path);
            case ProtocolOperation.Connect:
                Emit(new RawEvent(ProtocolEventKind.Connect, RawScope.Exact, path));
                return Value.Other;
            case ProtocolOperation.Notify:
                Emit(new RawEvent(ProtocolEventKind.Notify, RawScope.Exact, path));
                return Value.Other;
            case ProtocolOperation.Complete:
                Emit(new RawEvent(ProtocolEventKind.Complete, RawScope.Prefix, path));
                return Value.Other;
            default:
                return Value.Other;
        }
    }

    private int NewSite(IOperation operation, IOperation? doorbell)
    {
        var syntax = operation.Syntax;
        // d?.Ring(v): report the whole conditional access, which is what the user reads as the ring.
        while (syntax.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == syntax)
            syntax = conditional;
        string text;
        if (doorbell is null)
            text = operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : syntax.ToString();
        else if (doorbell.IsImplicit && StripConversions(doorbell) is IInstanceReferenceOperation)
            text = "this";
        else
            text = doorbell.Syntax.ToString();
        _sites.Add(new RingSite(syntax.GetLocation(), text));
        return _sites.Count - 1;
    }

    // ---- conditions ----

    /// <summary>
    /// A branch condition on a status (==, !=, relational, is/is not/or/and patterns, switch cases): emits the read or
    /// picks the holder, and gives the statuses for which the condition is true. True when the condition had that shape
    /// (its subject is walked then, and <paramref name="holder"/> is -1 when the subject is no status we track).
    /// </summary>
    private bool TryTest(IOperation condition, out int holder, out byte whenTrue)
    {
        holder = -1;
        whenTrue = StatusMask.All;
        if (!TryStatusCondition(condition, out var subject, out whenTrue, out var declared))
            return false;

        var value = Walk(subject);
        switch (value.Kind)
        {
            case ValueKind.Read:
                holder = ScratchHolder;
                Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path, holder: ScratchHolder));
                break;
            case ValueKind.Holder:
                holder = value.Holder;
                break;
            default:
                // Handled, but not a status we track: the caller must not walk the subject again.
                Consume(value);
                return true;
        }

        if (declared is not null)
        {
            var declaredHolder = HolderForLocal(declared);
            if (declaredHolder >= 0)
                Bind(declaredHolder, Value.HolderOf(holder));
        }

        return true;
    }

    /// <summary>A null check of a doorbell (<c>d?.</c>, <c>d == null</c>, <c>d is not null</c>): which key, and whether true means null.</summary>
    private bool TryNullTest(IOperation condition, out AccessPath? path, out int holderTested, out bool nullWhenTrue)
    {
        path = null;
        holderTested = -1;
        nullWhenTrue = true;
        condition = StripConversions(condition)!;
        IOperation? subject = null;
        switch (condition)
        {
            case IIsNullOperation isNull:
                subject = isNull.Operand;
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                if (IsNullConstant(binary.RightOperand))
                    subject = binary.LeftOperand;
                else if (IsNullConstant(binary.LeftOperand))
                    subject = binary.RightOperand;
                nullWhenTrue = binary.OperatorKind == BinaryOperatorKind.Equals;
                break;
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern when IsNullConstant(constant.Value):
                subject = isPattern.Value;
                break;
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } isPattern when IsNullConstant(constant.Value):
                subject = isPattern.Value;
                nullWhenTrue = false;
                break;
        }

        if (subject is null)
            return false;
        if (StripConversions(subject) is IFlowCaptureReferenceOperation capture && HolderForCapture(capture.Id, allocate: false) is var holder && holder >= 0)
        {
            holderTested = holder; // a status read is never null: d?.ReadStatus() ?? fallback
            return true;
        }

        if (subject.Type?.IsReferenceType != true || TryPath(subject) is not { } found)
            return false;
        path = found;
        return true;
    }

    private static bool IsNullConstant(IOperation operation) =>
        StripConversions(operation) is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>A status condition used as a value (<c>return s != DoorbellStatus.DisconnectedAbort;</c>).</summary>
    private bool TryDistinguish(IOperation condition)
    {
        if (!TryTest(condition, out var holder, out var whenTrue))
            return false;
        if (holder >= 0)
            Emit(new RawEvent(ProtocolEventKind.Distinguish, RawScope.None, holder: holder, mask: whenTrue));
        return true;
    }

    private bool TryStatusCondition(IOperation condition, out IOperation subject, out byte whenTrue, out ILocalSymbol? declared)
    {
        subject = condition;
        whenTrue = StatusMask.All;
        declared = null;
        condition = StripConversions(condition)!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                if (!TryStatusCondition(not.Operand, out subject, out var inner, out declared))
                    return false;
                whenTrue = (byte)(~inner & StatusMask.All);
                return true;
            case IBinaryOperation binary:
                var left = StripConversions(binary.LeftOperand)!;
                var right = StripConversions(binary.RightOperand)!;
                if (IsStatusSubject(left) && TryConstant(right, out var constant))
                {
                    subject = left;
                    return TryRelational(binary.OperatorKind, constant, swapped: false, out whenTrue);
                }

                if (IsStatusSubject(right) && TryConstant(left, out constant))
                {
                    subject = right;
                    return TryRelational(binary.OperatorKind, constant, swapped: true, out whenTrue);
                }

                return false;
            case IIsPatternOperation isPattern when IsStatusSubject(StripConversions(isPattern.Value)!):
                subject = StripConversions(isPattern.Value)!;
                if (isPattern.Pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local })
                {
                    declared = local;
                    whenTrue = StatusMask.All;
                    return true;
                }

                byte mask = 0;
                for (var status = 0; status < 4; status++)
                {
                    var matches = Matches(isPattern.Pattern, status);
                    if (matches is null)
                        return false;
                    if (matches.Value)
                        mask |= StatusMask.Of(status);
                }

                whenTrue = mask;
                return true;
            default:
                return false;
        }
    }

    private static bool IsNullable(ITypeSymbol? type) => type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private bool IsStatusSubject(IOperation operation) => _symbols.IsStatus(operation.Type) ||
        (operation.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && _symbols.IsStatus(nullable.TypeArguments[0]));

    private static bool TryConstant(IOperation operation, out long value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue || operation.ConstantValue.Value is null or bool or string)
            return false;
        try
        {
            value = System.Convert.ToInt64(operation.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    private static bool TryRelational(BinaryOperatorKind kind, long constant, bool swapped, out byte whenTrue)
    {
        whenTrue = 0;
        for (var status = 0; status < 4; status++)
        {
            var (a, b) = swapped ? (constant, (long)status) : (status, constant);
            bool? holds = kind switch
            {
                BinaryOperatorKind.Equals => a == b,
                BinaryOperatorKind.NotEquals => a != b,
                BinaryOperatorKind.LessThan => a < b,
                BinaryOperatorKind.LessThanOrEqual => a <= b,
                BinaryOperatorKind.GreaterThan => a > b,
                BinaryOperatorKind.GreaterThanOrEqual => a >= b,
                _ => null,
            };
            if (holds is null)
                return false;
            if (holds.Value)
                whenTrue |= StatusMask.Of(status);
        }

        return true;
    }

    /// <summary>Whether <paramref name="pattern"/> matches the status; null when we cannot tell.</summary>
    private bool? Matches(IPatternOperation pattern, int status)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return TryConstant(StripConversions(constant.Value)!, out var value) ? value == status : null;
            case IRelationalPatternOperation relational:
                if (!TryConstant(StripConversions(relational.Value)!, out value) || !TryRelational(relational.OperatorKind, value, swapped: false, out var mask))
                    return null;
                return StatusMask.Contains(mask, status);
            case INegatedPatternOperation negated:
                return !Matches(negated.Pattern, status);
            case IBinaryPatternOperation binary:
                var left = Matches(binary.LeftPattern, status);
                var right = Matches(binary.RightPattern, status);
                if (left is null || right is null)
                    return null;
                return binary.OperatorKind == BinaryOperatorKind.Or ? left.Value || right.Value : left.Value && right.Value;
            case IDiscardPatternOperation:
                return true;
            case ITypePatternOperation type:
                return _symbols.IsStatus(type.MatchedType) ? true : null;
            case IDeclarationPatternOperation { DeclaredSymbol: null } discardDeclaration:
                return discardDeclaration.MatchesNull || _symbols.IsStatus(discardDeclaration.MatchedType) ? true : null;
            default:
                return null;
        }
    }

    // ---- numbering keys ----

    private void Finish()
    {
        var keys = new Dictionary<AccessPath, int>();
        var keyList = new List<AccessPath>();
        foreach (var events in _rawEvents)
        {
            if (events is null)
                continue;
            foreach (var e in events)
            {
                if (e.Scope == RawScope.Exact && e.Path is not null && !keys.ContainsKey(e.Path))
                {
                    keys[e.Path] = keyList.Count;
                    keyList.Add(e.Path);
                }
            }
        }

        if (keyList.Count >= ProtocolElement.MaxKeys || _nextHolder > ScratchHolder)
        {
            _gaveUp = true;
            return;
        }

        _graph.KeyCount = keyList.Count;
        foreach (var (block, edge, path, holder) in _nullEdges)
        {
            var key = path is not null && keys.TryGetValue(path, out var found) ? found : -1;
            if (key >= 0 || holder >= 0)
            {
                var old = _graph.Blocks[block].Edges[edge];
                _graph.Blocks[block].Edges[edge] = new ProtocolEdge(old.Target, old.Holder, old.TakenWhen, nullKey: key, nullHolder: holder);
            }
        }

        var converted = new List<ProtocolEvent>?[_rawEvents.Length];
        for (var b = 0; b < _graph.Blocks.Count; b++)
        {
            var ordinal = _modelToRoslyn[b];
            var events = converted[ordinal] ??= Convert(_rawEvents[ordinal], keys, keyList);
            _graph.Blocks[b].Events.AddRange(events);
        }
    }

    private List<ProtocolEvent> Convert(List<RawEvent>? raw, Dictionary<AccessPath, int> keys, List<AccessPath> keyList)
    {
        var result = new List<ProtocolEvent>();
        if (raw is null)
            return result;
        foreach (var e in raw)
        {
            switch (e.Scope)
            {
                case RawScope.None:
                    result.Add(e.Kind switch
                    {
                        ProtocolEventKind.HolderCopy => ProtocolEvent.HolderCopy(e.Holder, e.SourceHolder),
                        ProtocolEventKind.HolderClear => ProtocolEvent.HolderClear(e.Holder),
                        ProtocolEventKind.Distinguish => ProtocolEvent.Distinguish(e.Holder, e.Mask),
                        _ => ProtocolEvent.HolderEscape(e.Holder),
                    });
                    break;
                case RawScope.Exact:
                    result.Add(Make(e, keys[e.Path!]));
                    break;
                default:
                    for (var k = 0; k < keyList.Count; k++)
                    {
                        if (InScope(e, keyList[k]))
                            result.Add(Make(e, k));
                    }

                    break;
            }
        }

        return result;
    }

    private bool InScope(RawEvent e, AccessPath key) => e.Scope switch
    {
        RawScope.Prefix => key.StartsWith(e.Path!),
        RawScope.Captured => _captured.Contains(key),
        RawScope.StaticOfType => key.Kind == AccessRootKind.Static && SymbolEqualityComparer.Default.Equals(key.Root!.ContainingType, e.Type),
        RawScope.AllStatic => key.Kind == AccessRootKind.Static,
        RawScope.ThisTouchedBy => key.Kind == AccessRootKind.This && _helpers.MayTouch(e.Callee!, key),
        _ => false,
    };

    private static ProtocolEvent Make(RawEvent e, int key) => e.Kind switch
    {
        ProtocolEventKind.Ring => ProtocolEvent.Ring(key, e.Site),
        ProtocolEventKind.RecursiveRing => ProtocolEvent.RecursiveRing(key, e.Site),
        ProtocolEventKind.ReadStatus => ProtocolEvent.ReadStatus(key, e.Holder),
        ProtocolEventKind.Connect => ProtocolEvent.Connect(key),
        ProtocolEventKind.Notify => ProtocolEvent.Notify(key),
        ProtocolEventKind.Complete => ProtocolEvent.Complete(key),
        ProtocolEventKind.Assign => ProtocolEvent.Assign(key, e.Created),
        _ => ProtocolEvent.Havoc(key),
    };
}

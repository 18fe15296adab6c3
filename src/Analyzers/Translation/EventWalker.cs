using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Walks the operations of one function in evaluation order and emits the protocol events they cause into
/// <see cref="Events"/>: rings, reads, connects, notifies, escapes, assignments, and what happens to status values.
/// The graph builders decide which block the events go to; the walker knows nothing of blocks.
/// </summary>
internal class EventWalker
{
    private const int MaxWalkDepth = 200;

    private readonly ProtocolSymbols _symbols;
    private readonly WrapperConfiguration _configuration;
    private readonly IMethodSymbol? _function;
    private readonly bool _suppressOwnRings;
    private readonly CapturedRoots _captured;
    private readonly IHelperModels? _helperModels;
    private readonly int _callDepth;
    private int _depth;

    public EventWalker(ProtocolSymbols symbols, WrapperConfiguration configuration, IMethodSymbol? function, bool suppressOwnRings, CapturedRoots captured, CancellationToken cancellationToken, IHelperModels? helperModels = null, int callDepth = 0)
    {
        _helperModels = helperModels;
        _callDepth = callDepth;
        _symbols = symbols;
        _configuration = configuration;
        _function = function;
        _suppressOwnRings = suppressOwnRings;
        _captured = captured;
        Holders = new HolderTable(symbols);
        Helpers = new HelperIndex(cancellationToken);
        CancellationToken = cancellationToken;
    }

    public ProtocolSymbols Symbols => _symbols;

    public HolderTable Holders { get; }

    public PathResolver Paths { get; } = new();

    public RingSites Sites { get; } = new();

    public HelperIndex Helpers { get; }

    public CapturedRoots Captured => _captured;

    public CancellationToken CancellationToken { get; }

    /// <summary>Where events go: the current block's list.</summary>
    public List<RawEvent> Events { get; set; } = new();

    /// <summary>Something the walker cannot model soundly was met (an expression too deep): nothing is reported.</summary>
    public bool GaveUp { get; protected set; }

    /// <summary>The function rings (or recurses on its own doorbell): without that no rule can fire.</summary>
    public bool HasRing { get; private set; }

    protected void GiveUp() => GaveUp = true;

    /// <summary>The builder's blocks, for inlining helpers where they are called; null leaves every call opaque.</summary>
    public IInlineTarget? InlineTarget { get; set; }

    /// <summary>Set when the walk builds a helper's summary: a returned status goes to this holder for the caller (else it escapes).</summary>
    public bool Summarizing { get; set; }

    /// <summary>The holder a summarised helper returns its status in, or -1.</summary>
    public int ReturnHolder { get; private set; } = -1;

    /// <summary>An inlined helper rings: so does this function.</summary>
    public void MarkRing() => HasRing = true;

    /// <summary><c>return value;</c>: the value escapes to the caller, or, in a helper's summary, becomes the call's value.</summary>
    public void Return(IOperation value)
    {
        var returned = Walk(value);
        if (!Summarizing || returned.Kind is not (ValueKind.Read or ValueKind.Holder))
        {
            Consume(returned);
            return;
        }

        if (ReturnHolder < 0)
            ReturnHolder = Holders.Fresh();
        if (ReturnHolder >= 0)
            Bind(ReturnHolder, returned);
        else
            Consume(returned);
    }

    public void Emit(RawEvent e) => Events.Add(e);

    /// <summary>A value computed and dropped: a discarded status read is still a read, with nothing tested.</summary>
    public void Discard(WalkValue value)
    {
        if (value.Kind == ValueKind.Read)
            Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path));
    }

    /// <summary>A value that goes somewhere we do not follow: whoever gets it takes over the responsibility.</summary>
    public void Consume(WalkValue value)
    {
        switch (value.Kind)
        {
            case ValueKind.Read:
                Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path, holder: HolderTable.Scratch));
                Emit(new RawEvent(ProtocolEventKind.HolderEscape, RawScope.None, holder: HolderTable.Scratch));
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
    public void Bind(int holder, WalkValue value)
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

    /// <summary>An expression statement: its value is dropped.</summary>
    public virtual void WalkDiscarded(IOperation operation) => Discard(Walk(operation));

    /// <summary>A local gets a value we know nothing of (a foreach variable, a caught exception).</summary>
    public void AssignUnknownToLocal(ILocalSymbol local)
    {
        var holder = Holders.ForLocal(local);
        if (holder >= 0)
            Bind(holder, WalkValue.Other);
        else
            Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local)));
    }

    public WalkValue Walk(IOperation? operation)
    {
        // Deep expressions (long concatenations) must not overflow the stack: past this depth, give up on the method.
        if (_depth >= MaxWalkDepth)
        {
            GaveUp = true;
            return WalkValue.Other;
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

    /// <summary>For the syntax-directed builder: operations that branch inside an expression. The graph path has none left.</summary>
    protected virtual bool TryWalkBranching(IOperation operation, out WalkValue value)
    {
        value = WalkValue.Other;
        return false;
    }

    private WalkValue WalkCore(IOperation? operation)
    {
        switch (operation)
        {
            case null:
                return WalkValue.Other;
            case IInvalidOperation or { Kind: OperationKind.None }:
                // Code the model has no case for (pointer operations, code that does not bind, what a later C# adds) is
                // opaque: a doorbell that appears inside it escapes, every other doorbell keeps its state.
                foreach (var child in operation.ChildOperations)
                    Consume(Walk(child));
                return WalkValue.Other;
            case IConversionOperation conversion:
                return Walk(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Walk(parenthesized.Operand);
            case IExpressionStatementOperation statement:
                Discard(Walk(statement.Operation));
                return WalkValue.Other;
            case ILocalReferenceOperation local:
                var localHolder = Holders.ForLocal(local.Local);
                return localHolder >= 0 ? WalkValue.HolderOf(localHolder) : WalkValue.KeyOf(AccessPath.ForLocal(local.Local));
            case IParameterReferenceOperation parameter:
                var parameterHolder = Holders.ForParameter(parameter.Parameter);
                return parameterHolder >= 0 ? WalkValue.HolderOf(parameterHolder) : WalkValue.KeyOf(AccessPath.ForParameter(parameter.Parameter));
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return WalkValue.KeyOf(AccessPath.ForThis());
            case IFlowCaptureReferenceOperation captureReference:
                var captureHolder = Holders.ForCapture(captureReference.Id, allocate: false);
                if (captureHolder >= 0)
                    return WalkValue.HolderOf(captureHolder);
                return Paths.TryCapturePath(captureReference.Id, out var capturedPath) ? WalkValue.KeyOf(capturedPath) : WalkValue.Other;
            case IFlowCaptureOperation capture:
                WalkCapture(capture);
                return WalkValue.Other;
            case IPropertyReferenceOperation { Property.Name: "Value" } nullableValue when IsNullable(nullableValue.Property.ContainingType):
                var held = Walk(nullableValue.Instance);
                if (held.Kind == ValueKind.Holder)
                    return held;
                Consume(held);
                return WalkValue.Other;
            case IPropertyReferenceOperation property:
                return WalkMemberReference(property, property.Property, property.Instance, property.Arguments.Length == 0);
            case IFieldReferenceOperation { ConstantValue.HasValue: true }:
                return WalkValue.Other; // DoorbellStatus.Connected and other constants
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
                    Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, shown.Path, holder: HolderTable.Scratch));
                else if (shown.Kind != ValueKind.Holder)
                    Consume(shown);
                Consume(Walk(interpolation.Alignment));
                Consume(Walk(interpolation.FormatString));
                return WalkValue.Other;
            case IIsNullOperation isNull:
                Walk(isNull.Operand);
                return WalkValue.Other;
            case IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation:
                return WalkValue.Other; // analyzed on its own
            case IIsPatternOperation declaring when DeclaredLocal(declaring.Pattern) is { } declared && !StatusConditions.IsStatusSubject(declaring.Value, _symbols.IsStatus):
                WalkDeclaringPattern(declaring, declared);
                return WalkValue.Other;
            default:
                if (TryWalkBranching(operation, out var branched))
                    return branched;
                if (operation is IBinaryOperation or IIsPatternOperation or IUnaryOperation && TryDistinguish(operation))
                    return WalkValue.Other;
                foreach (var child in operation.ChildOperations)
                    Consume(Walk(child));
                return WalkValue.Other;
        }
    }

    /// <summary><c>x is Doorbell d</c>: where it matches, d is another name for what x names.</summary>
    private void WalkDeclaringPattern(IIsPatternOperation isPattern, ILocalSymbol local)
    {
        var subject = Walk(isPattern.Value);
        if (subject.Kind == ValueKind.Key)
            Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local), aliasOf: subject.Path));
        else
            Consume(subject);
        foreach (var child in isPattern.Pattern.ChildOperations)
            Consume(Walk(child));
    }

    /// <summary>The local a pattern declares for the whole subject (<c>is Doorbell d</c>, <c>is { } d</c>, <c>is not { } d</c>).</summary>
    private static ILocalSymbol? DeclaredLocal(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
        IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
        INegatedPatternOperation negated => DeclaredLocal(negated.Pattern),
        _ => null,
    };

    private void WalkCapture(IFlowCaptureOperation capture)
    {
        if (Paths.TryCapturePath(capture.Id, out _))
            return; // the capture is another name for that key (d?.Ring(v), switch on d)

        var value = Walk(capture.Value);
        if (value.Kind == ValueKind.Key)
        {
            // A capture that names different doorbells on different paths ((a ?? b).Ring(v)): stay silent about them.
            Consume(value);
            return;
        }

        var statusTyped = _symbols.IsStatus(capture.Value.Type) || value.Kind is ValueKind.Read or ValueKind.Holder;
        var holder = Holders.ForCapture(capture.Id, allocate: statusTyped);
        if (holder >= 0)
            Bind(holder, value);
        else
            Consume(value);
    }

    private WalkValue WalkMemberReference(IMemberReferenceOperation reference, IPropertySymbol? property, IOperation? instance, bool mayBePath)
    {
        if (property is not null)
        {
            var operation = _symbols.ClassifyAccess(property, write: false, _configuration);
            if (operation != ProtocolOperation.None)
                return ApplyProtocolOperation(reference, operation, Walk(instance), instance);
        }

        if (mayBePath && Paths.TryPath(reference) is { } path)
            return WalkValue.KeyOf(path);

        Walk(instance);
        if (reference is IPropertyReferenceOperation indexer)
        {
            foreach (var argument in indexer.Arguments)
                Consume(Walk(argument.Value));
        }

        return WalkValue.Other;
    }

    /// <summary><c>local = value</c> (or its declaration): a status local becomes a holder, any other local a new key value.</summary>
    public WalkValue AssignToLocal(ILocalSymbol local, IOperation valueOperation)
    {
        var holder = Holders.ForLocal(local);
        if (holder >= 0)
        {
            Bind(holder, Walk(valueOperation));
            return WalkValue.HolderOf(holder);
        }

        var value = Walk(valueOperation);
        if (value.Kind == ValueKind.Key)
        {
            // var d2 = d; two names for one doorbell from here on (LocalAliases follows them until either changes).
            Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local), aliasOf: value.Path));
            return WalkValue.Other;
        }

        if (value.Kind != ValueKind.Created)
            Consume(value);
        Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local), site: value.Site, created: value.Kind == ValueKind.Created));
        return WalkValue.Other;
    }

    private WalkValue WalkAssignment(ISimpleAssignmentOperation assignment) => AssignTo(assignment.Target, assignment.Value);

    /// <summary><c>target = value</c>: a status local becomes a holder, a key gets a new value, a wrapper property setter acts.</summary>
    public WalkValue AssignTo(IOperation assignedTarget, IOperation assignedValue)
    {
        var target = StripConversions(assignedTarget);
        if (target is ILocalReferenceOperation local)
            return AssignToLocal(local.Local, assignedValue);
        if (target is IDiscardOperation)
        {
            // _ = d.ReadStatus(); reads and drops the status, as a statement of its own would.
            var dropped = Walk(assignedValue);
            Discard(dropped);
            return dropped.Kind == ValueKind.Read ? WalkValue.Other : dropped;
        }

        if (target is IPropertyReferenceOperation property && _symbols.ClassifyAccess(property.Property, write: true, _configuration) is var operation && operation != ProtocolOperation.None)
        {
            var receiver = Walk(property.Instance);
            Consume(Walk(assignedValue));
            ApplyProtocolOperation(property, operation, receiver, property.Instance);
            return WalkValue.Other;
        }

        var path = Paths.TryPath(target);
        if (path is null)
            Walk(target);
        var value = Walk(assignedValue);
        if (path is null)
        {
            Consume(value);
            return WalkValue.Other;
        }

        // Copying a doorbell makes an alias we do not follow: the source escapes.
        if (value.Kind != ValueKind.Created)
            Consume(value);
        Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, path, site: value.Site, created: value.Kind == ValueKind.Created));
        return WalkValue.Other;
    }

    private WalkValue WalkInvocation(IInvocationOperation invocation)
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
            var target = WalkValue.Other;
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
            return WalkValue.CreatedAt(Sites.AddCreation(invocation));
        }

        if (_function is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _function.OriginalDefinition))
            return WalkRecursiveCall(invocation);

        // A call to something else: followed into a helper's body where it can be, else opaque.
        var instance = Walk(invocation.Instance);
        if (instance.Kind == ValueKind.Holder && method.Name == "GetValueOrDefault" && method.Parameters.IsEmpty && IsNullable(method.ContainingType))
            return instance; // d?.ReadStatus() ?? fallback: the value passes through

        var arguments = ImmutableArray.CreateBuilder<WalkValue>(invocation.Arguments.Length);
        foreach (var argument in invocation.Arguments)
            arguments.Add(Walk(argument.Value));
        var argumentValues = arguments.MoveToImmutable();
        if (TryFollow(invocation, instance, argumentValues, out var result))
            return result;
        OpaqueCall(invocation, instance, argumentValues);
        return WalkValue.Other;
    }

    private bool TryFollow(IInvocationOperation invocation, WalkValue instance, ImmutableArray<WalkValue> arguments, out WalkValue result)
    {
        result = WalkValue.Other;
        if (_helperModels is null || InlineTarget is null || _callDepth <= 0 || !HelperCalls.CanFollow(invocation.TargetMethod) || HelperCalls.PassesDelegate(invocation))
            return false;
        var helper = _helperModels.Get(invocation.TargetMethod.OriginalDefinition, _callDepth, CancellationToken);
        return helper is not null && HelperInliner.TryInline(this, InlineTarget, helper, invocation, instance, arguments, out result);
    }

    /// <summary>A call we cannot see into: whatever it receives escapes.</summary>
    private void OpaqueCall(IInvocationOperation invocation, WalkValue instance, ImmutableArray<WalkValue> arguments)
    {
        var method = invocation.TargetMethod;
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
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            passesDelegate |= argument.Value.Type?.TypeKind == TypeKind.Delegate || StripConversions(argument.Value) is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or IDelegateCreationOperation;
            Consume(arguments[i]);
        }

        if (passesDelegate && _captured.Any)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.Captured));
        if (method.ContainingType is { } containing)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.StaticOfType, type: containing));
    }

    /// <summary>A recursive call with the same doorbell is the retry ring (and runs the whole protocol again).</summary>
    private WalkValue WalkRecursiveCall(IInvocationOperation invocation)
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
            site = Sites.Add(invocation, null);
        Emit(new RawEvent(ProtocolEventKind.RecursiveRing, RawScope.AllStatic, site: site));
        return WalkValue.Other;
    }

    private void RecursiveRing(ref int site, IOperation invocation, AccessPath path)
    {
        if (site < 0)
            site = Sites.Add(invocation, null);
        HasRing = true;
        Emit(new RawEvent(ProtocolEventKind.RecursiveRing, RawScope.Prefix, path, site: site));
    }

    private WalkValue ApplyProtocolOperation(IOperation operation, ProtocolOperation kind, WalkValue target, IOperation? targetOperation)
    {
        if (target.Kind != ValueKind.Key)
        {
            // A doorbell we cannot name (a call's result, an ambiguous capture): say nothing about it.
            Consume(target);
            return WalkValue.Other;
        }

        var path = target.Path!;
        switch (kind)
        {
            case ProtocolOperation.Ring:
                if (_suppressOwnRings)
                    return WalkValue.Other;
                HasRing = true;
                Emit(new RawEvent(ProtocolEventKind.Ring, RawScope.Exact, path, site: Sites.Add(operation, targetOperation)));
                return WalkValue.Other;
            case ProtocolOperation.ReadStatus:
                return WalkValue.ReadOf(path);
            case ProtocolOperation.Connect:
                Emit(new RawEvent(ProtocolEventKind.Connect, RawScope.Exact, path));
                return WalkValue.Other;
            case ProtocolOperation.Notify:
                Emit(new RawEvent(ProtocolEventKind.Notify, RawScope.Exact, path));
                return WalkValue.Other;
            case ProtocolOperation.Complete:
                Emit(new RawEvent(ProtocolEventKind.Complete, RawScope.Prefix, path));
                return WalkValue.Other;
            default:
                return WalkValue.Other;
        }
    }

    // ---- conditions ----

    /// <summary>
    /// A branch condition on a status: emits the read or picks the holder, and gives the statuses for which the
    /// condition is true. True when the condition had that shape (its subject is walked then, and
    /// <paramref name="holder"/> is -1 when the subject is no status we track).
    /// </summary>
    public bool TryTest(IOperation condition, out int holder, out byte whenTrue)
    {
        holder = -1;
        if (!StatusConditions.TryRead(condition, _symbols.IsStatus, out var subject, out whenTrue, out var declared))
            return false;

        var value = Walk(subject);
        switch (value.Kind)
        {
            case ValueKind.Read:
                holder = HolderTable.Scratch;
                Emit(new RawEvent(ProtocolEventKind.ReadStatus, RawScope.Exact, value.Path, holder: HolderTable.Scratch));
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
            var declaredHolder = Holders.ForLocal(declared);
            if (declaredHolder >= 0)
                Bind(declaredHolder, WalkValue.HolderOf(holder));
        }

        return true;
    }

    /// <summary>A null check of a doorbell (<c>d?.</c>, <c>d == null</c>, <c>d is not null</c>) or of a status capture: which key or holder, and whether true means null.</summary>
    public bool TryNullTest(IOperation condition, out AccessPath? path, out int holderTested, out bool nullWhenTrue)
    {
        path = null;
        holderTested = -1;
        if (!StatusConditions.TryReadNullCheck(condition, out var subject, out nullWhenTrue))
            return false;
        if (StripConversions(subject) is IFlowCaptureReferenceOperation capture && Holders.ForCapture(capture.Id, allocate: false) is var holder && holder >= 0)
        {
            holderTested = holder; // a status read is never null: d?.ReadStatus() ?? fallback
            return true;
        }

        if (subject.Type?.IsReferenceType != true || Paths.TryPath(subject) is not { } found)
            return false;
        path = found;
        return true;
    }

    /// <summary>A status condition used as a value (<c>return s != DoorbellStatus.DisconnectedAbort;</c>).</summary>
    private bool TryDistinguish(IOperation condition)
    {
        if (!TryTest(condition, out var holder, out var whenTrue))
            return false;
        if (holder >= 0)
            Emit(new RawEvent(ProtocolEventKind.Distinguish, RawScope.None, holder: holder, mask: whenTrue));
        return true;
    }
}

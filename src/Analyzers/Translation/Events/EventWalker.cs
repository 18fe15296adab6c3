using System.Collections.Generic;
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
internal partial class EventWalker
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
        if (Summarizing && TryReturnTuple(value))
            return;
        var returned = Walk(value);
        if (Summarizing && ReturnVariable >= 0)
        {
            // A classifier's answer: every return sets it, so the caller reads this call's value.
            DefineDerived(ReturnVariable, returned);
            return;
        }

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
            case ValueKind.Derived:
                ForgetTemporary(value);
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
        if (DerivedVariable(local) is var variable && variable >= 0)
            Emit(RawEvent.DerivedSet(variable, 0));
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
            case { Kind: OperationKind.None } when _symbols.Raw && TryWalkRawLoad(operation, out var loaded):
                return loaded;
            case IFunctionPointerInvocationOperation pointerCall when _symbols.Raw && TryWalkRawCall(pointerCall, pointerCall.Arguments, out var called):
                return called;
            case IBinaryOperation binary when _symbols.Raw && RawD3dkmt.MaskedToLowHalf(binary) is { } lowHalf:
                return WalkMaskedStatus(lowHalf);
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
            case ILiteralOperation or IFieldReferenceOperation { ConstantValue.HasValue: true } when TryDerivableConstant(operation, out var constantValue):
                return WalkValue.ConstantOf(constantValue);
            case ILocalReferenceOperation local when DerivedVariable(local.Local) is var derivedVariable && derivedVariable >= 0:
                return WalkValue.DerivedOf(derivedVariable, negated: false);
            case ILocalReferenceOperation local:
                var localHolder = Holders.ForLocal(local.Local);
                return localHolder >= 0 ? WalkValue.HolderOf(localHolder) : WalkValue.KeyOf(AccessPath.ForLocal(local.Local));
            case IParameterReferenceOperation parameter:
                var parameterHolder = Holders.ForParameter(parameter.Parameter);
                return parameterHolder >= 0 ? WalkValue.HolderOf(parameterHolder) : WalkValue.KeyOf(AccessPath.ForParameter(parameter.Parameter));
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return WalkValue.KeyOf(AccessPath.ForThis());
            case IFlowCaptureReferenceOperation captureReference when _derived?.TemporaryOf(captureReference.Id) is { } temporary && temporary >= 0:
                return WalkValue.DerivedOf(temporary, negated: false);
            case IFlowCaptureReferenceOperation captureReference when _adoptedCaptures is not null && _adoptedCaptures.TryGetValue(captureReference.Id, out var adopted):
                return adopted >= 0 ? WalkValue.DerivedOf(adopted, negated: false) : WalkValue.Other;
            case IFlowCaptureReferenceOperation captureReference when TryCreatedCapture(captureReference.Id, out var creationSite):
                return WalkValue.CreatedAt(creationSite);
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
            case IDeconstructionAssignmentOperation deconstruction:
                return WalkDeconstruction(deconstruction);
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
                if (operation is IBinaryOperation or IIsPatternOperation or IUnaryOperation && TryDistinguish(operation, out var test))
                    return test;
                if (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
                    return WalkNot(not);
                foreach (var child in operation.ChildOperations)
                    Consume(Walk(child));
                return WalkValue.Other;
        }
    }
}

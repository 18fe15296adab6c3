using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Assignments, captures and declaring patterns: where a doorbell or a status gets another name.</summary>
internal partial class EventWalker
{
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
        if (_derived?.TemporaryOf(capture.Id) is { } temporary && temporary >= 0)
        {
            DefineDerived(temporary, capture.Value);
            return;
        }

        var value = Walk(capture.Value);
        NoteCreation(capture.Id, value);
        if (TryAdopt(capture.Id, value))
            return;
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

        if (reference is IPropertyReferenceOperation { Arguments.IsEmpty: true } read && read.Property.GetMethod is { } getter && FollowsAccessor(getter, read)
            && TryFollowAccessor(reference, read, getter, out var got))
            return got;

        if (mayBePath && Paths.TryPath(reference) is { } path)
            return WalkValue.KeyOf(path);

        var held = Walk(instance);
        if (held.Kind == ValueKind.Holder && held.Element >= 0 && reference is IFieldReferenceOperation element)
            return IsTupleElement(element.Field, held.Element) ? WalkValue.HolderOf(held.Holder) : WalkValue.Other; // TryRingTuple(wp).Status
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
        if (_symbols.Raw)
            NoteRawCopy(AccessPath.ForLocal(local), local, null, valueOperation);
        var holder = Holders.ForLocal(local);
        if (holder >= 0)
        {
            Bind(holder, Walk(valueOperation));
            return WalkValue.HolderOf(holder);
        }

        // Raw code's status word loaded into an integer (status = *(ulong*)statusAddress) is the status, not derived from it.
        var rawStatusWord = _symbols.Raw && RawD3dkmt.IsStatusWord(local.Type) && RawD3dkmt.IsMemoryLoad(valueOperation);
        var variable = rawStatusWord ? -1 : DerivedVariable(local);
        var value = variable >= 0 ? WalkDerivedValue(local, valueOperation) : Walk(valueOperation);
        if (_symbols.Raw)
            NoteRawConnectResult(local, valueOperation);
        if (_symbols.Raw && variable < 0 && value.Kind is ValueKind.Read or ValueKind.Holder && RawD3dkmt.IsStatusWord(local.Type) && Holders.Adopt(local) is var adopted && adopted >= 0)
        {
            // uint status = (uint)*statusAddress; the integer holds the status from here on.
            Bind(adopted, value);
            return WalkValue.HolderOf(adopted);
        }

        if (variable >= 0)
            Derive(variable, value);
        if (value.Kind == ValueKind.Key)
        {
            // var d2 = d; two names for one doorbell from here on (LocalAliases follows them until either changes).
            Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local), aliasOf: value.Path));
            return WalkValue.Other;
        }

        if (value.Kind != ValueKind.Created)
            Consume(value);
        Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, AccessPath.ForLocal(local), site: SiteOfCreation(value), created: value.Kind == ValueKind.Created));
        return WalkValue.Other;
    }

    private WalkValue WalkAssignment(ISimpleAssignmentOperation assignment) => AssignTo(assignment.Target, assignment.Value);

    /// <summary><c>target = value</c>: a status local becomes a holder, a key gets a new value, a wrapper property setter acts.</summary>
    public WalkValue AssignTo(IOperation assignedTarget, IOperation assignedValue)
    {
        var target = StripConversions(assignedTarget);
        if (target is ILocalReferenceOperation local)
            return AssignToLocal(local.Local, assignedValue);
        if (_symbols.Raw && target is not null && TryWalkRawStore(target, assignedValue))
            return WalkValue.Other;
        if (Summarizing && target is IParameterReferenceOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } handedBack && Holders.ForParameter(handedBack.Parameter) is var handedBackHolder && handedBackHolder >= 0)
        {
            // TryRing(wp, out status): the status goes back to the caller's argument, which the call binds (HelperInliner).
            Bind(handedBackHolder, Walk(assignedValue));
            return WalkValue.HolderOf(handedBackHolder);
        }

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

        if (target is IPropertyReferenceOperation { Arguments.IsEmpty: true } written && written.Property.SetMethod is { } setter && FollowsAccessor(setter, written))
        {
            Consume(Walk(assignedValue));
            if (!TryFollowAccessor(assignedTarget.Parent ?? assignedTarget, written, setter, out _) && Paths.TryPath(target) is { } setPath)
                Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, setPath));
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
        Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, path, site: SiteOfCreation(value), created: value.Kind == ValueKind.Created));
        return WalkValue.Other;
    }

    // The graph path: for each capture of a doorbell, how many definitions it has (set by the builder), and how many of
    // those walked so far created a doorbell, with the first creation's site.
    private Dictionary<CaptureId, (int Created, int Site)>? _creatingCaptures;

    /// <summary>The graph's captures of a reference (a doorbell, perhaps) and their number of definitions; null when there are none.</summary>
    public Dictionary<CaptureId, int>? DoorbellCaptureDefinitions { get; set; }

    /// <summary>A capture's definition: a creation counts towards the capture being a new, disconnected doorbell.</summary>
    private void NoteCreation(CaptureId id, WalkValue value)
    {
        if (value.Kind != ValueKind.Created || DoorbellCaptureDefinitions is null)
            return;
        _creatingCaptures ??= new Dictionary<CaptureId, (int, int)>();
        _creatingCaptures[id] = _creatingCaptures.TryGetValue(id, out var seen) ? (seen.Created + 1, seen.Site) : (1, value.Site);
    }

    /// <summary>A capture every definition of which creates a doorbell (the arms of a switch expression, of ?:): its use is a creation, at the first one's site.</summary>
    private bool TryCreatedCapture(CaptureId id, out int site)
    {
        site = -1;
        if (_creatingCaptures is null || !_creatingCaptures.TryGetValue(id, out var seen) || !DoorbellCaptureDefinitions!.TryGetValue(id, out var definitions) || seen.Created != definitions)
            return false;
        site = seen.Site;
        return true;
    }

    /// <summary>
    /// The site an assignment carries: the creation's, for a doorbell created here; none otherwise (a plain value's site is
    /// 0, and an inlined helper would map it to a ring site of its own for nothing).
    /// </summary>
    private static int SiteOfCreation(WalkValue value) => value.Kind == ValueKind.Created ? value.Site : -1;
}

using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Code that calls D3DKMT itself (<see cref="RawD3dkmt"/>): the doorbell is the create structure's key; a store through
/// its doorbell address rings it, a load through its status address reads it, and a connect or notify counts for the
/// doorbell whose handle its structure carries. Pointers and handles copied into locals and fields are followed in
/// walk order. Only compilations that declare the create structure get here (<see cref="ProtocolSymbols.Raw"/>).
/// </summary>
internal partial class EventWalker
{
    private Dictionary<ISymbol, (AccessPath Doorbell, RawAddressKind Kind)>? _rawPointers;
    private Dictionary<AccessPath, AccessPath>? _rawHandles;
    private Dictionary<AccessPath, AccessPath>? _rawQueues;
    private Dictionary<ILocalSymbol, AccessPath>? _rawConnectResults;
    private Dictionary<CaptureId, List<(IFieldSymbol Field, IOperation Value)>>? _rawInitializers;
    private (IOperation? Call, AccessPath? Doorbell) _lastRawConnect;

    /// <summary>
    /// <c>if (D3DKMTConnectDoorbell(&amp;c) &lt; 0)</c>, or the same test of a local holding the result: on the failing
    /// branch the GPU is lost, and code that gives up there has answered the status as a <c>Connect()</c> that throws
    /// has; the doorbell is treated as null on that branch (nothing it owes goes that way).
    /// </summary>
    private bool TryRawConnectFailureTest(IOperation condition, out AccessPath? doorbell, out bool failsWhenTrue)
    {
        doorbell = null;
        failsWhenTrue = false;
        if (StripConversions(condition) is not IBinaryOperation binary)
            return false;
        var left = StripConversions(binary.LeftOperand)!;
        var right = StripConversions(binary.RightOperand)!;
        var swapped = false;
        if (!IsZero(right))
        {
            if (!IsZero(left))
                return false;
            (left, swapped) = (right, true);
        }

        bool? failing = (binary.OperatorKind, swapped) switch
        {
            (BinaryOperatorKind.LessThan, false) or (BinaryOperatorKind.GreaterThan, true) or (BinaryOperatorKind.NotEquals, _) => true,
            (BinaryOperatorKind.GreaterThanOrEqual, false) or (BinaryOperatorKind.LessThanOrEqual, true) or (BinaryOperatorKind.Equals, _) => false,
            _ => null,
        };
        if (failing is null)
            return false;
        if (left is ILocalReferenceOperation local)
        {
            if (_rawConnectResults is null || !_rawConnectResults.TryGetValue(local.Local, out var held))
                return false;
            doorbell = held;
        }
        else if (RawD3dkmt.OperationOfFunction(RawD3dkmt.FunctionCalled(left)) == ProtocolOperation.Connect)
        {
            Discard(Walk(left));
            if (_lastRawConnect.Call != left || _lastRawConnect.Doorbell is null)
                return true; // walked, but no doorbell to speak of: a plain branch
            doorbell = _lastRawConnect.Doorbell;
        }
        else
        {
            return false;
        }

        failsWhenTrue = failing.Value;
        return true;
    }

    private static bool IsZero(IOperation operation) => StatusConditions.TryConstant(operation, out var value) && value == 0;

    /// <summary><c>var result = D3DKMTConnectDoorbell(&amp;c);</c>: a later test of <c>result</c> is a test of that connect.</summary>
    private void NoteRawConnectResult(ILocalSymbol local, IOperation value)
    {
        if (_lastRawConnect.Call is { } call && _lastRawConnect.Doorbell is { } doorbell && StripConversions(value) == call)
            (_rawConnectResults ??= new(SymbolEqualityComparer.Default))[local] = doorbell;
        else
            _rawConnectResults?.Remove(local);
    }

    /// <summary>A load through a status address (<c>*(ulong*)x.DoorbellStatusCPUVirtualAddress</c>, <c>*p</c>): a status read.</summary>
    private bool TryWalkRawLoad(IOperation indirection, out WalkValue value)
    {
        value = WalkValue.Other;
        if (ResolveRawAddress(RawD3dkmt.PointerOf(indirection)) is not { } address || address.Kind != RawAddressKind.Status)
            return false;
        value = WalkValue.ReadOf(address.Doorbell);
        return true;
    }

    /// <summary><c>status &amp; 0xFFFFFFFF</c>: the status passes through the mask; any other value is consumed.</summary>
    private WalkValue WalkMaskedStatus(IOperation masked)
    {
        var value = Walk(masked);
        if (value.Kind is ValueKind.Read or ValueKind.Holder)
            return value;
        Consume(value);
        return WalkValue.Other;
    }

    /// <summary>A raw D3DKMT call, or a memory access written as a call through a mapped address.</summary>
    private bool TryWalkRawCall(IOperation call, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, out WalkValue value)
    {
        value = WalkValue.Other;
        if (call is IInvocationOperation invocation && RawD3dkmt.AccessedAddress(invocation, out var store) is { } accessed
            && ResolveRawAddress(RawD3dkmt.PointerOf(accessed)) is { } address)
        {
            for (var i = 1; i < arguments.Length; i++)
                Consume(Walk(arguments[i].Value));
            if (store && address.Kind == RawAddressKind.Doorbell)
                EmitRawRing(call, accessed, address.Doorbell);
            else if (!store && address.Kind == RawAddressKind.Status)
                value = WalkValue.ReadOf(address.Doorbell);
            return true;
        }

        var operation = RawD3dkmt.OperationOfFunction(RawD3dkmt.FunctionCalled(call));
        if (operation == ProtocolOperation.None)
            return false;

        AccessPath? structure = null;
        AccessPath? handed = null;
        foreach (var argument in arguments)
        {
            var passed = StripAddressOf(argument.Value);
            if (structure is null && Paths.TryPath(passed) is { } path && passed.Type is INamedTypeSymbol { TypeKind: TypeKind.Struct })
                structure = path; // the structure is read or written in place, not handed over: it does not escape
            else if (handed is null && DoorbellOfHandle(passed) is { } byHandle)
                handed = byHandle; // the docs' pseudocode hands the notify the doorbell handle itself
            else
                Consume(Walk(argument.Value));
        }

        if (operation == ProtocolOperation.Create)
        {
            if (structure is not null && RawD3dkmt.IsCreateStructure(StructureType(arguments)))
                Emit(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, structure, site: Sites.AddCreation(call), created: true));
            return true;
        }

        var doorbell = handed ?? (structure is null ? null : DoorbellOfHandleCarrier(structure, StructureType(arguments)));
        if (operation == ProtocolOperation.Connect)
            _lastRawConnect = (call, doorbell);
        if (doorbell is null)
            Emit(new RawEvent(ProtocolEventKind.Havoc, RawScope.RawDoorbells)); // a connect or notify we cannot place: no doorbell owes anything
        else
            Emit(new RawEvent(operation == ProtocolOperation.Connect ? ProtocolEventKind.Connect : ProtocolEventKind.Notify, RawScope.Exact, doorbell));
        return true;
    }

    private static ITypeSymbol? StructureType(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (StripAddressOf(argument.Value).Type is INamedTypeSymbol { TypeKind: TypeKind.Struct } type)
                return type;
        }

        return null;
    }

    /// <summary><c>&amp;connect</c> and <c>ref connect</c> both name the structure.</summary>
    private static IOperation StripAddressOf(IOperation operation)
    {
        var stripped = StripConversions(operation)!;
        return stripped is IAddressOfOperation addressOf ? StripConversions(addressOf.Reference)! : stripped;
    }

    /// <summary>
    /// An assignment whose target is a store through a doorbell address: a ring. Also notes, for any assignment, the
    /// pointers and handles it copies. False when the assignment is no ring (the caller walks it as usual).
    /// </summary>
    private bool TryWalkRawStore(IOperation target, IOperation assignedValue)
    {
        if (target.Kind == OperationKind.None && ResolveRawAddress(RawD3dkmt.PointerOf(target)) is { } address)
        {
            Consume(Walk(assignedValue));
            if (address.Kind == RawAddressKind.Doorbell)
                EmitRawRing(target.Parent ?? target, target, address.Doorbell);
            return true;
        }

        NoteRawCopy(target, assignedValue);
        return false;
    }

    private void EmitRawRing(IOperation site, IOperation address, AccessPath doorbell)
    {
        if (_suppressOwnRings)
            return;
        HasRing = true;
        // The doorbell as the user wrote it: the structure in create.DoorbellCPUVirtualAddress, else the pointer rung through.
        var pointer = RawD3dkmt.PointerOf(address);
        var named = pointer is IFieldReferenceOperation { Instance: { } instance } field && RawD3dkmt.AddressKindOf(field.Field) != RawAddressKind.None ? instance : pointer;
        Emit(new RawEvent(ProtocolEventKind.Ring, RawScope.Exact, doorbell, site: Sites.Add(site, named)));
    }

    /// <summary>Notes what <c>target = value</c> copies: a mapped address (a pointer to ring or read through later), or a handle.</summary>
    private void NoteRawCopy(IOperation target, IOperation value)
    {
        target = StripConversions(target)!;
        var targetPath = Paths.TryPath(target);
        if (targetPath is null)
        {
            // The graph lowers an object initializer to stores into a capture of the new structure, copied afterwards.
            if (target is IFieldReferenceOperation { Instance: IFlowCaptureReferenceOperation capture } member && RawD3dkmt.IsHandleField(member.Field))
            {
                _rawInitializers ??= new();
                if (!_rawInitializers.TryGetValue(capture.Id, out var stores))
                    _rawInitializers[capture.Id] = stores = new();
                stores.Add((member.Field, value));
            }

            return;
        }

        var symbol = target switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        NoteRawCopy(targetPath, symbol, target as IFieldReferenceOperation, value);
    }

    /// <summary>The same for a target already named: a local's declaration, or an assignment's target.</summary>
    private void NoteRawCopy(AccessPath targetPath, ISymbol? symbol, IFieldReferenceOperation? targetField, IOperation value)
    {
        if (symbol is not null && ResolveRawAddress(StripConversions(value)) is { } address)
            (_rawPointers ??= new(SymbolEqualityComparer.Default))[symbol] = address;
        NoteHandle(targetPath, targetField, value);
        if (StripConversions(value) is IFlowCaptureReferenceOperation initialized && _rawInitializers is not null && _rawInitializers.TryGetValue(initialized.Id, out var stores))
        {
            foreach (var (field, stored) in stores)
            {
                if (targetPath.Then(field) is { } memberPath)
                    NoteHandle(memberPath, null, stored, QueueOwner(field, targetPath));
            }
        }

        if (StripConversions(value) is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment && RawD3dkmt.IsHandleField(field.Field)
                    && targetPath.Then(field.Field) is { } memberPath)
                    NoteHandle(memberPath, field, assignment.Value, QueueOwner(field.Field, targetPath));
            }
        }
    }

    /// <summary>
    /// <c>x.hDoorbell = create.hDoorbell</c> (or a local of it): x's handle names create's doorbell.
    /// <c>create.hHwQueue = queue</c>: a structure that carries <c>queue</c> (the newer layouts) names create's doorbell.
    /// </summary>
    private void NoteHandle(AccessPath targetPath, IFieldReferenceOperation? targetField, IOperation value, AccessPath? owner = null)
    {
        if (DoorbellOfHandle(value) is { } doorbell)
            (_rawHandles ??= new())[targetPath] = doorbell;
        if (owner is null && (targetField is not { Field.Name: RawD3dkmt.QueueHandleField } || !RawD3dkmt.IsCreateStructure(targetField.Field.ContainingType)))
            return;
        var created = owner ?? (targetField!.Instance is { } instance ? DoorbellPathOf(instance) : null);
        if (created is not null && Paths.TryPath(value) is { } queue)
            (_rawQueues ??= new())[queue] = created;
    }

    /// <summary>The create structure whose queue handle a store into <paramref name="field"/> of <paramref name="structure"/> sets, or null.</summary>
    private static AccessPath? QueueOwner(IFieldSymbol field, AccessPath structure) =>
        field.Name == RawD3dkmt.QueueHandleField && RawD3dkmt.IsCreateStructure(field.ContainingType) ? structure : null;

    /// <summary>The doorbell a handle value names: <c>create.hDoorbell</c>, <c>create.hHwQueue</c>, or a copy of either.</summary>
    private AccessPath? DoorbellOfHandle(IOperation value)
    {
        value = StripConversions(value)!;
        if (value is IFieldReferenceOperation field && RawD3dkmt.IsHandleField(field.Field) && RawD3dkmt.IsCreateStructure(field.Field.ContainingType))
            return field.Instance is { } instance ? DoorbellPathOf(instance) : null;
        if (value is IFieldReferenceOperation handleField && FieldOrigin(handleField) is { Role: RawFieldRole.Handle } origin)
            return origin.Doorbell;
        if (Paths.TryPath(value) is not { } path)
            return null;
        if (_rawHandles is not null && _rawHandles.TryGetValue(path, out var copied))
            return copied;
        return _rawQueues is not null && _rawQueues.TryGetValue(path, out var queued) ? queued : null;
    }

    /// <summary>The doorbell a connect or notify structure names by its handle field (hDoorbell, or hHwQueue in the newer layouts).</summary>
    private AccessPath? DoorbellOfHandleCarrier(AccessPath structure, ITypeSymbol? type)
    {
        if (_rawHandles is null || type is null)
            return null;
        foreach (var name in new[] { RawD3dkmt.DoorbellHandleField, RawD3dkmt.QueueHandleField })
        {
            foreach (var member in type.GetMembers(name))
            {
                if (structure.Then(member) is { } handle && _rawHandles.TryGetValue(handle, out var doorbell))
                    return doorbell;
            }
        }

        return null;
    }

    /// <summary>Which doorbell and which of its addresses a pointer expression goes through, or null.</summary>
    private (AccessPath Doorbell, RawAddressKind Kind)? ResolveRawAddress(IOperation? pointer)
    {
        switch (StripConversions(pointer))
        {
            case IFieldReferenceOperation field when RawD3dkmt.AddressKindOf(field.Field) is var kind && kind != RawAddressKind.None:
                return field.Instance is { } instance && DoorbellPathOf(instance) is { } doorbell ? (doorbell, kind) : null;
            case ILocalReferenceOperation local when _rawPointers is not null && _rawPointers.TryGetValue(local.Local, out var copied):
                return copied;
            case IFieldReferenceOperation field when _rawPointers is not null && _rawPointers.TryGetValue(field.Field, out var copied):
                return copied;
            case IFieldReferenceOperation field when FieldOrigin(field) is { } origin && origin.Role != RawFieldRole.Handle:
                return (origin.Doorbell, origin.Role == RawFieldRole.DoorbellAddress ? RawAddressKind.Doorbell : RawAddressKind.Status);
            default:
                return null;
        }
    }

    /// <summary>
    /// A field of this object that another member filled from a create structure (<c>_bell</c>, <c>_status</c>,
    /// <c>_handle</c>): what it holds, and the key of its doorbell (<see cref="RawFieldOrigins"/>).
    /// </summary>
    private (RawFieldRole Role, AccessPath Doorbell)? FieldOrigin(IFieldReferenceOperation field)
    {
        if (field.Field.IsStatic || StripConversions(field.Instance) is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            return null;
        if (!_symbols.RawFieldOriginsOf(field.Field.ContainingType, CancellationToken).TryGet(field.Field, out var role, out var doorbell))
            return null;
        return AccessPath.ForThis().Then(doorbell) is { } path ? (role, path) : null;
    }

    /// <summary>The key of a create structure: <c>create</c>, <c>_create</c>, or <c>p</c> for <c>p-&gt;</c> through a pointer to one.</summary>
    private AccessPath? DoorbellPathOf(IOperation instance)
    {
        instance = StripConversions(instance)!;
        if (instance.Kind == OperationKind.None)
            return RawD3dkmt.PointerOf(instance) is { } pointer ? Paths.TryPath(pointer) : null;
        return Paths.TryPath(instance);
    }
}

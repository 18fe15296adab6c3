using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>Which of the create structure's mapped addresses a pointer comes from.</summary>
internal enum RawAddressKind
{
    None,

    /// <summary>DoorbellCPUVirtualAddress or DoorbellSecondaryCPUVirtualAddress: a store through it rings.</summary>
    Doorbell,

    /// <summary>DoorbellStatusCPUVirtualAddress: a load through it reads the status.</summary>
    Status,
}

/// <summary>
/// The header's own vocabulary (d3dkmthk.h, d3dukmdt.h) for code that calls D3DKMT itself, with no attribute and no
/// DoorbellGuard type: the functions, the structures by their field names, the status enum, and the memory accesses
/// through the mapped addresses (a plain store, <c>Volatile</c>, <c>Unsafe</c>, <c>Interlocked</c>, <c>Marshal</c>).
/// Matched by name in any namespace and binding style, as generated bindings and hand-written DllImports spell them.
/// </summary>
internal static class RawD3dkmt
{
    public const string CreateFunction = "D3DKMTCreateDoorbell";
    public const string ConnectFunction = "D3DKMTConnectDoorbell";
    public const string NotifyFunction = "D3DKMTNotifyWorkSubmission";
    public const string DestroyFunction = "D3DKMTDestroyDoorbell";

    public const string CreateStructure = "D3DKMT_CREATE_DOORBELL";
    public const string ConnectStructure = "D3DKMT_CONNECT_DOORBELL";
    public const string NotifyStructure = "D3DKMT_NOTIFY_WORK_SUBMISSION";
    public const string StatusEnum = "D3DDDI_DOORBELLSTATUS";

    public const string DoorbellAddressField = "DoorbellCPUVirtualAddress";
    public const string SecondaryDoorbellAddressField = "DoorbellSecondaryCPUVirtualAddress";
    public const string StatusAddressField = "DoorbellStatusCPUVirtualAddress";

    /// <summary>The doorbell handle: the create structure's output, the connect and notify structures' input (reference pages).</summary>
    public const string DoorbellHandleField = "hDoorbell";

    /// <summary>The queue handle: the create structure's input, and the connect and notify structures' handle in the newer headers.</summary>
    public const string QueueHandleField = "hHwQueue";

    /// <summary>The names whose presence in source turns the raw vocabulary on (a declaration-table lookup).</summary>
    public static IReadOnlyList<string> DeclarationNames { get; } = new[] { CreateStructure, DoorbellAddressField };

    /// <summary>The names a raw ring or creation is written with: searched by the ring-name index.</summary>
    public static IReadOnlyList<string> RingNames { get; } = new[] { DoorbellAddressField, SecondaryDoorbellAddressField };

    /// <summary>Whether the compilation declares the create structure (or a type with its doorbell field) in source.</summary>
    public static bool IsDeclaredIn(Compilation compilation) =>
        compilation.ContainsSymbolsWithName(CreateStructure, SymbolFilter.Type)
        || compilation.ContainsSymbolsWithName(DoorbellAddressField, SymbolFilter.Member);

    /// <summary>What calling a function of this name does: create, connect or notify; None for any other name (destroy too).</summary>
    public static ProtocolOperation OperationOfFunction(string? name) => name switch
    {
        CreateFunction => ProtocolOperation.Create,
        ConnectFunction => ProtocolOperation.Connect,
        NotifyFunction => ProtocolOperation.Notify,
        _ => ProtocolOperation.None,
    };

    /// <summary>
    /// The D3DKMT function a call invokes, by name: a method of that name (a <c>static extern</c>, a bindings class's
    /// member) or whose DllImport entry point is that name, or a delegate or function pointer held in a field, local,
    /// parameter or property of that name. Null for any other call.
    /// </summary>
    public static string? FunctionCalled(IOperation call)
    {
        switch (call)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.MethodKind == MethodKind.DelegateInvoke)
                    return HeldIn(invocation.Instance);
                if (IsFunctionName(method.Name))
                    return method.Name;
                return method.GetDllImportData()?.EntryPointName is { } entry && IsFunctionName(entry) ? entry : null;
            case IFunctionPointerInvocationOperation pointer:
                return HeldIn(pointer.Target);
            default:
                return null;
        }
    }

    private static string? HeldIn(IOperation? holder)
    {
        var name = Strip(holder) switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
        return name is not null && IsFunctionName(name) ? name : null;
    }

    private static bool IsFunctionName(string name) => name is CreateFunction or ConnectFunction or NotifyFunction or DestroyFunction;

    /// <summary>
    /// A create structure: a struct with the doorbell and status address fields (D3DKMT_CREATE_DOORBELL by its field
    /// names, whatever the binding calls the type), or a pointer to one.
    /// </summary>
    public static bool IsCreateStructure(ITypeSymbol? type)
    {
        if (type is IPointerTypeSymbol pointer)
            type = pointer.PointedAtType;
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named)
            return false;
        return named.MemberNames is var names && Contains(names, DoorbellAddressField) && Contains(names, StatusAddressField);
    }

    private static bool Contains(IEnumerable<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (candidate == name)
                return true;
        }

        return false;
    }

    /// <summary>Which mapped address a field of a create structure is; None for every other field.</summary>
    public static RawAddressKind AddressKindOf(IFieldSymbol field)
    {
        var kind = AddressKindOfName(field.Name);
        return kind != RawAddressKind.None && IsCreateStructure(field.ContainingType) ? kind : RawAddressKind.None;
    }

    /// <summary>Which mapped address a field of this name is (the name alone).</summary>
    public static RawAddressKind AddressKindOfName(string name) => name switch
    {
        DoorbellAddressField or SecondaryDoorbellAddressField => RawAddressKind.Doorbell,
        StatusAddressField => RawAddressKind.Status,
        _ => RawAddressKind.None,
    };

    /// <summary>A field that carries a doorbell or queue handle (hDoorbell, hHwQueue).</summary>
    public static bool IsHandleField(ISymbol member) => member is IFieldSymbol { Name: DoorbellHandleField or QueueHandleField };

    /// <summary>The status enum of the header (D3DDDI_DOORBELLSTATUS, any namespace); its members are matched by value 0 to 3.</summary>
    public static bool IsStatusEnum(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum, Name: StatusEnum };

    /// <summary>An integer type the 64-bit status word, or its low half, is held in after a load, a cast or a mask.</summary>
    public static bool IsStatusWord(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_UInt64 or SpecialType.System_Int64
        or SpecialType.System_UInt32 or SpecialType.System_Int32;

    /// <summary>
    /// Whether <paramref name="value"/> (casts and a low-half mask aside) is a load from memory: a pointer indirection or
    /// element, or a reading call (<see cref="AccessedAddress"/>). Raw code holds the status word such a load gives in an
    /// integer local, which is then the status itself, not a value derived from it.
    /// </summary>
    public static bool IsMemoryLoad(IOperation value)
    {
        var stripped = Strip(value);
        if (stripped is not null && MaskedToLowHalf(stripped) is { } masked)
            stripped = Strip(masked);
        return stripped switch
        {
            IInvocationOperation invocation => AccessedAddress(invocation, out var store) is not null && !store,
            { Kind: OperationKind.None } none => none.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax,
            _ => false,
        };
    }

    /// <summary><c>value &amp; 0xFFFFFFFF</c> (either side): the low 32 bits, where the connection status sits.</summary>
    public static IOperation? MaskedToLowHalf(IOperation operation)
    {
        if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.And } and)
            return null;
        if (IsLowHalfMask(Strip(and.RightOperand)))
            return and.LeftOperand;
        return IsLowHalfMask(Strip(and.LeftOperand)) ? and.RightOperand : null;
    }

    private static bool IsLowHalfMask(IOperation? operation) => operation?.ConstantValue.Value switch
    {
        sbyte or short or int or long => Convert.ToInt64(operation.ConstantValue.Value, CultureInfo.InvariantCulture) == uint.MaxValue,
        byte or ushort or uint or ulong => Convert.ToUInt64(operation.ConstantValue.Value, CultureInfo.InvariantCulture) == uint.MaxValue,
        _ => false,
    };

    /// <summary>
    /// A memory access written as a call: the argument that names the address, and whether it stores.
    /// <c>Volatile.Write/Read(ref *p)</c>, <c>Interlocked.Exchange/Read(ref *p)</c>, <c>Unsafe.Write/Read(p)</c> (and the
    /// unaligned forms), <c>Marshal.WriteInt64/ReadInt64(address)</c> (and the 32-bit forms). Null for any other call.
    /// </summary>
    public static IOperation? AccessedAddress(IInvocationOperation invocation, out bool store)
    {
        store = false;
        var method = invocation.TargetMethod;
        if (invocation.Arguments.IsEmpty || method.ContainingType is not { } type || !IsMemoryType(type))
            return null;
        switch (method.Name)
        {
            case "Write" or "WriteUnaligned" or "Exchange" or "WriteInt64" or "WriteInt32" or "WriteIntPtr":
                store = true;
                break;
            case "Read" or "ReadUnaligned" or "ReadInt64" or "ReadInt32" or "ReadIntPtr":
                break;
            default:
                return null;
        }

        return invocation.Arguments[0].Value;
    }

    private static bool IsMemoryType(INamedTypeSymbol type) => type.Name switch
    {
        "Volatile" or "Interlocked" => IsNamespace(type.ContainingNamespace, "System", "Threading"),
        "Unsafe" => IsNamespace(type.ContainingNamespace, "System", "Runtime", "CompilerServices"),
        "Marshal" => IsNamespace(type.ContainingNamespace, "System", "Runtime", "InteropServices"),
        _ => false,
    };

    private static bool IsNamespace(INamespaceSymbol? space, params string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (space is null || space.Name != parts[i])
                return false;
            space = space.ContainingNamespace;
        }

        return space is { IsGlobalNamespace: true };
    }

    /// <summary>
    /// The pointer an address expression goes through: <c>*(ulong*)x</c>, <c>((ulong*)x)[0]</c> and <c>x</c> itself (for
    /// the calls that take the pointer) give <c>x</c>, conversions stripped. Pointer indirection has no operation
    /// interface of its own (OperationKind.None with the pointer as its only child).
    /// </summary>
    public static IOperation? PointerOf(IOperation? address)
    {
        address = Strip(address);
        if (address is { Kind: OperationKind.None })
        {
            IOperation? first = null;
            foreach (var child in address.ChildOperations)
            {
                first = child;
                break;
            }

            // p[i] has the index as a second child: only index 0 is the doorbell itself.
            if (first is null || !IsIndirection(address))
                return null;
            return Strip(first);
        }

        return address is not null && (address.Type is IPointerTypeSymbol || address.Type?.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr) ? address : null;
    }

    private static bool IsIndirection(IOperation operation)
    {
        var count = 0;
        foreach (var child in operation.ChildOperations)
        {
            count++;
            if (count == 2 && !(child.ConstantValue is { HasValue: true, Value: 0 or 0L or 0u or 0UL }))
                return false;
        }

        return count is 1 or 2;
    }

    /// <summary>
    /// Whether <paramref name="operation"/> stores through a doorbell address field of a create structure, as written in
    /// place: <c>*(ulong*)x.DoorbellCPUVirtualAddress = v</c>, <c>Volatile.Write(ref *(ulong*)x.DoorbellSecondaryCPUVirtualAddress, v)</c>,
    /// <c>Unsafe.Write((void*)x.DoorbellCPUVirtualAddress, v)</c>. A pointer copied first is the translation's to follow.
    /// </summary>
    public static bool IsRingStoreInPlace(IOperation operation) =>
        StoredAddress(operation) is { } address && PointerOf(address) is IFieldReferenceOperation field && AddressKindOf(field.Field) == RawAddressKind.Doorbell;

    /// <summary>The address a store writes through: an assignment's target, or a store call's address argument; null for anything else.</summary>
    public static IOperation? StoredAddress(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation assignment when Strip(assignment.Target) is { Kind: OperationKind.None } target => target,
        IInvocationOperation invocation when AccessedAddress(invocation, out var store) is { } address && store => address,
        _ => null,
    };

    private static IOperation? Strip(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        return operation;
    }
}

using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Publication;

/// <summary>One store through a pointer: where it is, what it writes through, what it writes, and whether it orders what came before.</summary>
internal readonly struct PointerStore
{
    public PointerStore(IOperation operation, IOperation address, IOperation? value, ITypeSymbol? storedType, bool isOrdinary, bool isOffset)
    {
        Operation = operation;
        Address = address;
        Value = value;
        StoredType = storedType;
        IsOrdinary = isOrdinary;
        IsOffset = isOffset;
    }

    /// <summary>The assignment or the call that stores: where DBL006 is reported.</summary>
    public IOperation Operation { get; }

    /// <summary>The pointer written through (<c>p</c> of <c>*p</c>, <c>p[0]</c>, <c>Unsafe.Write(p, v)</c>).</summary>
    public IOperation Address { get; }

    /// <summary>The value stored, when there is one operand for it.</summary>
    public IOperation? Value { get; }

    /// <summary>The type of the memory written (<c>ulong</c> for <c>*(ulong*)p</c>).</summary>
    public ITypeSymbol? StoredType { get; }

    /// <summary>An ordinary store: no release, no fence (<c>*p = v</c>, <c>Unsafe.Write</c>, <c>Marshal.WriteInt64</c>).</summary>
    public bool IsOrdinary { get; }

    /// <summary>The memory written is the address moved by an offset (<c>p[i]</c>, <c>p->Field</c>, an offset argument).</summary>
    public bool IsOffset { get; }

    /// <summary>A doorbell is written a write pointer: a 4- or 8-byte integer.</summary>
    public bool StoresAWord => StoredType?.SpecialType is SpecialType.System_UInt64 or SpecialType.System_Int64 or SpecialType.System_UInt32
        or SpecialType.System_Int32 or SpecialType.System_UIntPtr or SpecialType.System_IntPtr;
}

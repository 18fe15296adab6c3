using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Publication;

/// <summary>
/// Which operations store through a pointer, and how: <c>*p = v</c>, <c>p[i] = v</c>, <c>p-&gt;F = v</c>,
/// <c>Unsafe.AsRef&lt;T&gt;(p) = v</c>, <c>Unsafe.Write(p, v)</c>, <c>Marshal.WriteInt64(ptr, v)</c> are ordinary;
/// <c>Volatile.Write(ref *p, v)</c> and <c>Interlocked.Exchange(ref *p, v)</c> on the same places, and a store to a
/// <c>volatile</c> field through a pointer, are not. Stores to managed memory (fields, arrays) are no pointer stores.
/// </summary>
internal static class PointerStores
{
    public static bool TryRead(IOperation operation, out PointerStore store)
    {
        store = default;
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                if (!TryReadLocation(assignment.Target, out var address, out var isOffset, out var isVolatile))
                    return false;
                store = new PointerStore(assignment, address, assignment.Value, assignment.Target.Type ?? assignment.Type, !isVolatile, isOffset);
                return true;
            case IInvocationOperation invocation:
                return TryReadCall(invocation, out store);
            default:
                return false;
        }
    }

    private static bool TryReadCall(IInvocationOperation invocation, out PointerStore store)
    {
        store = default;
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null || invocation.Arguments.Length < 2)
            return false;
        switch (method.Name)
        {
            case "Write" when IsType(type, "System.Threading", "Volatile"):
            case "Exchange" or "CompareExchange" when IsType(type, "System.Threading", "Interlocked"):
                // A release (Volatile) or a full fence (Interlocked): a store that publishes what came before it.
                if (Argument(invocation, 0) is not { } location || !TryReadLocation(location, out var address, out var isOffset, out _))
                    return false;
                store = new PointerStore(invocation, address, Argument(invocation, 1), method.Parameters[0].Type, isOrdinary: false, isOffset);
                return true;
            case "Write" or "WriteUnaligned" when IsType(type, "System.Runtime.CompilerServices", "Unsafe")
                && method.Parameters[0].Type.TypeKind == TypeKind.Pointer && Argument(invocation, 0) is { } pointer:
                store = new PointerStore(invocation, pointer, Argument(invocation, 1), method.Parameters[1].Type, isOrdinary: true, isOffset: false);
                return true;
            case "WriteInt64" or "WriteInt32" or "WriteIntPtr" when IsType(type, "System.Runtime.InteropServices", "Marshal")
                && method.Parameters[0].Type.SpecialType == SpecialType.System_IntPtr && Argument(invocation, 0) is { } target:
                var last = method.Parameters.Length - 1;
                var offset = last == 2 && Argument(invocation, 1) is { ConstantValue: { HasValue: true, Value: 0 } } ? false : last == 2;
                store = new PointerStore(invocation, target, Argument(invocation, last), method.Parameters[last].Type, isOrdinary: true, offset);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="location"/> is memory reached through a pointer, and which pointer: <c>*p</c>, <c>p[i]</c>,
    /// <c>p-&gt;F</c> (<paramref name="isVolatile"/> when <c>F</c> is volatile), <c>Unsafe.AsRef&lt;T&gt;(p)</c>.
    /// </summary>
    private static bool TryReadLocation(IOperation location, out IOperation address, out bool isOffset, out bool isVolatile)
    {
        address = location;
        isOffset = false;
        isVolatile = false;
        switch (location)
        {
            case IFieldReferenceOperation field when field.Instance is { } instance && TryReadLocation(instance, out address, out _, out _):
                isOffset = true;
                isVolatile = field.Field.IsVolatile;
                return true;
            case IInvocationOperation { TargetMethod: { Name: "AsRef", ContainingType: { } type } method } call
                when method.ReturnsByRef && IsType(type, "System.Runtime.CompilerServices", "Unsafe")
                && method.Parameters.Length == 1 && method.Parameters[0].Type.TypeKind == TypeKind.Pointer && Argument(call, 0) is { } pointer:
                address = pointer;
                return true;
        }

        // Pointer indirection and pointer element access have no operation kind of their own: read them by their syntax.
        if (location.Kind != OperationKind.None)
            return false;
        // p->F: the field's instance is an implicit dereference that stands on the syntax of p.
        if (location.Syntax.Parent is MemberAccessExpressionSyntax arrow && arrow.IsKind(SyntaxKind.PointerMemberAccessExpression) && arrow.Expression == location.Syntax)
            return FirstChild(location, out address);
        switch (location.Syntax)
        {
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PointerIndirectionExpression):
                return FirstChild(location, out address);
            case ElementAccessExpressionSyntax:
                if (!FirstChild(location, out address) || address.Type?.TypeKind != TypeKind.Pointer)
                    return false;
                isOffset = !IsConstantZeroIndex(location);
                return true;
            default:
                return false;
        }
    }

    private static bool IsConstantZeroIndex(IOperation elementAccess)
    {
        var index = 0;
        foreach (var child in elementAccess.ChildOperations)
        {
            if (index++ == 1)
                return child.ConstantValue is { HasValue: true, Value: 0 or 0L or 0U or 0UL };
        }

        return false;
    }

    private static bool FirstChild(IOperation operation, out IOperation child)
    {
        foreach (var first in operation.ChildOperations)
        {
            child = first;
            return true;
        }

        child = operation;
        return false;
    }

    /// <summary>The value given for the parameter at <paramref name="ordinal"/> (arguments come in evaluation order, not parameter order).</summary>
    private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
                return argument.Value;
        }

        return null;
    }

    internal static bool IsType(INamedTypeSymbol type, string @namespace, string name) =>
        type.Name == name && type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == @namespace;
}

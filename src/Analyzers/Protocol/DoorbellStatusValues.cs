using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>
/// The four D3DDDI_DOORBELLSTATUS values and the members of a status enum that stand for them. A status enum is
/// matched by value, not by member name: an analyzer-only user's own <c>DoorbellStatus</c> may spell its members
/// differently, and the analysis compares the constants 0 to 3.
/// </summary>
internal static class DoorbellStatusValues
{
    public const int Connected = 0;
    public const int ConnectedNotify = 1;
    public const int DisconnectedRetry = 2;
    public const int DisconnectedAbort = 3;

    /// <summary>The status value an enum member stands for, or -1 when it is not a member of a status enum with a value 0 to 3.</summary>
    public static int ValueOf(IFieldSymbol field)
    {
        if (field.ContainingType is not { TypeKind: TypeKind.Enum } || !field.HasConstantValue || field.ConstantValue is null)
            return -1;
        var value = Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture);
        return value is >= Connected and <= DisconnectedAbort ? (int)value : -1;
    }

    /// <summary>The first member of <paramref name="statusEnum"/> whose value is <paramref name="value"/>, or null.</summary>
    public static IFieldSymbol? MemberFor(ITypeSymbol statusEnum, int value)
    {
        foreach (var member in statusEnum.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true } field && ValueOf(field) == value)
                return field;
        }

        return null;
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>
/// The four wrapper attributes, matched by name in any namespace (<c>DoorbellRing</c>, <c>DoorbellStatusRead</c>,
/// <c>DoorbellConnect</c>, <c>DoorbellNotify</c>, with or without the <c>Attribute</c> suffix), so that code using the
/// analyzer package alone can declare its own.
/// </summary>
internal static class WrapperAttributes
{
    public const string Ring = "DoorbellRing";
    public const string StatusRead = "DoorbellStatusRead";
    public const string Connect = "DoorbellConnect";
    public const string Notify = "DoorbellNotify";

    /// <summary>The operation an attribute class name stands for.</summary>
    public static ProtocolOperation FromName(string? name)
    {
        if (name is null)
            return ProtocolOperation.None;
        if (name.EndsWith("Attribute", StringComparison.Ordinal))
            name = name.Substring(0, name.Length - "Attribute".Length);
        return name switch
        {
            Ring => ProtocolOperation.Ring,
            StatusRead => ProtocolOperation.ReadStatus,
            Connect => ProtocolOperation.Connect,
            Notify => ProtocolOperation.Notify,
            _ => ProtocolOperation.None,
        };
    }

    /// <summary>The attribute name to write for an operation (what the docs and the fixes name).</summary>
    public static string NameOf(ProtocolOperation operation) => operation switch
    {
        ProtocolOperation.Ring => Ring,
        ProtocolOperation.ReadStatus => StatusRead,
        ProtocolOperation.Connect => Connect,
        ProtocolOperation.Notify => Notify,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "only the four wrapper operations have an attribute"),
    };

    /// <summary>The first wrapper attribute among <paramref name="attributes"/>.</summary>
    public static ProtocolOperation Find(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var found = FromName(attribute.AttributeClass?.Name);
            if (found != ProtocolOperation.None)
                return found;
        }

        return ProtocolOperation.None;
    }

    /// <summary>True when the compilation declares (in source or in a reference) an attribute type of one of the four names.</summary>
    public static bool AreDeclared(Compilation compilation) =>
        compilation.ContainsSymbolsWithName(Ring + "Attribute", SymbolFilter.Type)
        || compilation.ContainsSymbolsWithName(Ring, SymbolFilter.Type)
        || compilation.GetTypeByMetadataName("DoorbellGuard." + Ring + "Attribute") is not null;
}

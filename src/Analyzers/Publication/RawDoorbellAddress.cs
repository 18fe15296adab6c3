using System.Collections.Generic;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Publication;

/// <summary>
/// The doorbell addresses of code that calls D3DKMT itself, by the header's member names
/// (<c>D3DKMT_CREATE_DOORBELL.DoorbellCPUVirtualAddress</c> and its secondary): a store through one is a ring.
/// The names are the raw-code vocabulary's (<see cref="RawD3dkmt"/>), shared with the translation of raw rings.
/// </summary>
internal static class RawDoorbellAddress
{
    private const string Primary = RawD3dkmt.DoorbellAddressField;
    private const string Secondary = RawD3dkmt.SecondaryDoorbellAddressField;

    /// <summary>The names the text prefilter searches for.</summary>
    public static IReadOnlyList<string> Names => RawD3dkmt.RingNames;

    /// <summary>
    /// Whether <paramref name="address"/> (the pointer a store writes through) comes from a member named
    /// <see cref="Primary"/> or <see cref="Secondary"/>: directly, through casts or <c>ToPointer()</c>, or through a local
    /// of <paramref name="body"/> that is only ever given such a value.
    /// </summary>
    public static bool IsDoorbellAddress(IOperation address, IOperation body) => IsDoorbellAddress(address, body, depth: 0);

    private static bool IsDoorbellAddress(IOperation address, IOperation body, int depth)
    {
        address = PointerOperations.StripConversions(address);
        switch (address)
        {
            case IMemberReferenceOperation member:
                return member.Member.Name is Primary or Secondary;
            case IInvocationOperation { TargetMethod.Name: "ToPointer", Instance: { } instance }:
                return IsDoorbellAddress(instance, body, depth);
            case ILocalReferenceOperation local when depth < 2:
                var definitions = PointerOperations.DefinitionsOf(local.Local, body);
                if (definitions.Count == 0)
                    return false;
                foreach (var value in definitions)
                {
                    if (value is null || !IsDoorbellAddress(value, body, depth + 1))
                        return false;
                }

                return true;
            default:
                return false;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The user's own status read, connect and notify for a flagged ring's doorbell, found through the analyzer's
/// vocabulary (the runtime's <c>Doorbell</c>, wrappers by attribute or .editorconfig), in this order: the ring
/// wrapper's own type (its static class, or its receiver's type when it takes the doorbell as an argument), then
/// the doorbell's type (its members and the extension methods in scope), then configured static methods.
/// A step with no member found is null: the fix that needs it is not offered.
/// </summary>
internal sealed class DoorbellOperations
{
    private DoorbellOperations(OperationCall? read, OperationCall? connect, OperationCall? notify, ITypeSymbol? statusType)
    {
        ReadStatus = read;
        Connect = connect;
        Notify = notify;
        StatusType = statusType;
    }

    public OperationCall? ReadStatus { get; }

    public OperationCall? Connect { get; }

    public OperationCall? Notify { get; }

    /// <summary>What the status read returns: the runtime's <c>DoorbellStatus</c>, or the user's own enum of that name (maybe nullable).</summary>
    public ITypeSymbol? StatusType { get; }

    /// <summary>The enum behind <see cref="StatusType"/>.</summary>
    public ITypeSymbol? StatusEnum => WithoutNullable(StatusType);

    /// <summary>The status enum has a member for each of the four D3DDDI values, so the fix can name every case.</summary>
    public bool NamesEveryStatus =>
        StatusEnum is { } status && Enumerable.Range(DoorbellStatusValues.Connected, 4).All(v => DoorbellStatusValues.MemberFor(status, v) is not null);

    public static DoorbellOperations Find(RingSite site)
    {
        var candidates = Candidates(site).ToList();
        var read = candidates.FirstOrDefault(c => site.Context.Classify(c.Member) == ProtocolOperation.ReadStatus && IsStatusRead(site, c.Member));
        var connect = candidates.FirstOrDefault(c => c.Member is IMethodSymbol && site.Context.Classify(c.Member) == ProtocolOperation.Connect);
        var notify = candidates.FirstOrDefault(c => c.Member is IMethodSymbol && site.Context.Classify(c.Member) == ProtocolOperation.Notify);
        return new DoorbellOperations(read, connect, notify, read is null ? null : ReturnType(read.Member));
    }

    private static ITypeSymbol? ReturnType(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ReturnType,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    /// <summary><c>T</c> for <c>T?</c> (a nullable value type), else the type itself.</summary>
    private static ITypeSymbol? WithoutNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsStatusRead(RingSite site, ISymbol member) =>
        site.Context.Symbols.IsStatus(WithoutNullable(ReturnType(member))) && (member is not IPropertySymbol property || property.GetMethod is not null);

    private static IEnumerable<OperationCall> Candidates(RingSite site)
    {
        var model = site.Model;
        var position = site.Ring.SpanStart;
        var doorbellArgumentType = site.DoorbellType;

        // 1. Beside the ring wrapper, when it takes the doorbell as an argument: the same static class or receiver type.
        if (site.Member is IMethodSymbol ring && ProtocolSyntax.DoorbellArgument(ring, site.Context.Symbols) is not null
            && ring.ContainingType is { } wrapperType)
        {
            foreach (var member in Ordered(model.LookupSymbols(position, wrapperType, name: null, includeReducedExtensionMethods: false)))
            {
                if (member is IMethodSymbol method && (method.IsStatic || ring is { IsStatic: false, ReducedFrom: null })
                    && TakesDoorbell(site, method, doorbellArgumentType) is { } parameter)
                {
                    yield return OperationCall.WithDoorbellArgument(method, parameter);
                }
            }
        }

        // 2. On the doorbell itself: its type's members that act on their receiver, and extension methods in scope.
        if (site.DoorbellType is { } doorbellType)
        {
            foreach (var member in Ordered(model.LookupSymbols(position, doorbellType, name: null, includeReducedExtensionMethods: true)))
            {
                if (ActsOnReceiver(site, member))
                {
                    yield return OperationCall.OnDoorbell(member);
                }
            }
        }

        // 3. Static methods named in .editorconfig, wherever they are declared.
        foreach (var configured in site.Context.Configuration.Members)
        {
            if (configured.Key is IMethodSymbol { IsStatic: true } method && model.IsAccessible(position, method)
                && TakesDoorbell(site, method, doorbellArgumentType) is { } parameter)
            {
                yield return OperationCall.WithDoorbellArgument(method, parameter);
            }
        }
    }

    /// <summary>Plain members before those with optional parameters, then by name: the same choice on every run.</summary>
    private static IEnumerable<ISymbol> Ordered(IEnumerable<ISymbol> members) =>
        members.Where(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ReducedExtension, IsGenericMethod: false } or IPropertySymbol { IsIndexer: false })
            .OrderBy(m => m is IMethodSymbol method ? method.Parameters.Length : 0)
            .ThenBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>A member that acts on its receiver and needs no argument: what <c>doorbell.Member</c> can call.</summary>
    private static bool ActsOnReceiver(RingSite site, ISymbol member)
    {
        var symbols = site.Context.Symbols;
        switch (member)
        {
            case IPropertySymbol property:
                return !property.IsStatic;
            case IMethodSymbol { ReducedFrom: not null } reduced:
                return symbols.DoorbellParameter(reduced) is { Ordinal: 0 } && reduced.Parameters.All(p => p.IsOptional || p.IsParams);
            case IMethodSymbol method:
                return !method.IsStatic && ProtocolSyntax.DoorbellArgument(method, symbols) is null
                    && method.Parameters.All(p => p.IsOptional || p.IsParams);
            default:
                return false;
        }
    }

    /// <summary>The parameter <paramref name="method"/> takes the doorbell as, when the doorbell fits it and every other parameter is optional.</summary>
    private static IParameterSymbol? TakesDoorbell(RingSite site, IMethodSymbol method, ITypeSymbol? doorbellType)
    {
        if (doorbellType is null || site.Context.Symbols.DoorbellParameter(method) is not { } parameter)
        {
            return null;
        }

        if (!site.Model.Compilation.ClassifyCommonConversion(doorbellType, parameter.Type).IsImplicit || parameter.RefKind != RefKind.None)
        {
            return null;
        }

        return method.Parameters.All(p => p.Ordinal == parameter.Ordinal || p.IsOptional || p.IsParams) ? parameter : null;
    }
}

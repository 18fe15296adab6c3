using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Plumbing;

/// <summary>What a method or property does to a doorbell, as far as the protocol is concerned.</summary>
internal enum ProtocolOperation
{
    None,
    Ring,
    ReadStatus,
    Connect,
    Notify,

    /// <summary>RingAndConfirm: a whole submission; nothing is owed after it.</summary>
    Complete,

    /// <summary>HardwareQueue.CreateDoorbell: a new, disconnected doorbell.</summary>
    Create,
}

/// <summary>
/// The DoorbellGuard types of one compilation, looked up once, plus the wrappers users declare by attribute
/// (any namespace) or name in .editorconfig. Classification is cached per method symbol.
/// </summary>
internal sealed class ProtocolSymbols
{
    private readonly ConcurrentDictionary<ISymbol, ProtocolOperation> _byAttribute = new(SymbolEqualityComparer.Default);

    private ProtocolSymbols(Compilation compilation, INamedTypeSymbol doorbell, INamedTypeSymbol status, INamedTypeSymbol? queue)
    {
        Compilation = compilation;
        Doorbell = doorbell;
        DoorbellStatus = status;
        HardwareQueue = queue;
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Doorbell { get; }

    public INamedTypeSymbol DoorbellStatus { get; }

    public INamedTypeSymbol? HardwareQueue { get; }

    /// <summary>Null when the compilation does not reference DoorbellGuard: then nothing is registered at all.</summary>
    public static ProtocolSymbols? TryCreate(Compilation compilation)
    {
        var doorbell = compilation.GetTypeByMetadataName("DoorbellGuard.Doorbell");
        var status = compilation.GetTypeByMetadataName("DoorbellGuard.DoorbellStatus");
        if (doorbell is null || status is null)
            return null;
        return new ProtocolSymbols(compilation, doorbell, status, compilation.GetTypeByMetadataName("DoorbellGuard.HardwareQueue"));
    }

    public bool IsDoorbell(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Doorbell);

    public bool IsStatus(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, DoorbellStatus);

    /// <summary>What <paramref name="symbol"/> (a method or property) does, by its identity, its attributes, or the configuration.</summary>
    public ProtocolOperation Classify(ISymbol symbol, ProtocolConfiguration configuration)
    {
        if (symbol is IMethodSymbol method)
        {
            symbol = (method.ReducedFrom ?? method).OriginalDefinition;
        }
        else
        {
            symbol = symbol.OriginalDefinition;
        }

        var containing = symbol.ContainingType;
        if (containing is not null && SymbolEqualityComparer.Default.Equals(containing, Doorbell) && symbol is IMethodSymbol { IsStatic: false })
        {
            switch (symbol.Name)
            {
                case "Ring": return ProtocolOperation.Ring;
                case "ReadStatus": return ProtocolOperation.ReadStatus;
                case "Connect": return ProtocolOperation.Connect;
                case "NotifyWorkSubmission": return ProtocolOperation.Notify;
                case "RingAndConfirm": return ProtocolOperation.Complete;
            }
        }

        if (containing is not null && HardwareQueue is not null && SymbolEqualityComparer.Default.Equals(containing, HardwareQueue) && symbol.Name == "CreateDoorbell")
            return ProtocolOperation.Create;

        var configured = configuration.Classify(symbol);
        if (configured != ProtocolOperation.None)
            return configured;
        return _byAttribute.GetOrAdd(symbol, ClassifyByAttribute);
    }

    /// <summary>The attribute on the member itself, its property, or a member it overrides or implements (marking an interface marks its implementations).</summary>
    private static ProtocolOperation ClassifyByAttribute(ISymbol symbol)
    {
        var found = OwnAttributes(symbol);
        for (var overridden = Overridden(symbol); found == ProtocolOperation.None && overridden is not null; overridden = Overridden(overridden))
            found = OwnAttributes(overridden);
        if (found != ProtocolOperation.None || symbol.ContainingType is not { } type)
            return found;

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(symbol.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, symbol))
                {
                    found = OwnAttributes(member);
                    if (found != ProtocolOperation.None)
                        return found;
                }
            }
        }

        return found;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod?.OriginalDefinition,
        IPropertySymbol property => property.OverriddenProperty?.OriginalDefinition,
        _ => null,
    };

    private static ProtocolOperation OwnAttributes(ISymbol symbol)
    {
        var found = FromAttributes(symbol.GetAttributes());
        if (found == ProtocolOperation.None && symbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
            found = FromAttributes(property.GetAttributes());
        return found;
    }

    private static ProtocolOperation FromAttributes(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass?.Name;
            if (name is null)
                continue;
            if (name.EndsWith("Attribute", StringComparison.Ordinal))
                name = name.Substring(0, name.Length - "Attribute".Length);
            switch (name)
            {
                case "DoorbellRing": return ProtocolOperation.Ring;
                case "DoorbellStatusRead": return ProtocolOperation.ReadStatus;
                case "DoorbellConnect": return ProtocolOperation.Connect;
                case "DoorbellNotify": return ProtocolOperation.Notify;
            }
        }

        return ProtocolOperation.None;
    }

    /// <summary>The parameter a wrapper acts on: its first parameter of type Doorbell, or null when it acts on its receiver.</summary>
    public IParameterSymbol? DoorbellParameter(IMethodSymbol method)
    {
        var original = (method.ReducedFrom ?? method).OriginalDefinition;
        foreach (var parameter in original.Parameters)
        {
            if (IsDoorbell(parameter.Type))
                return parameter;
        }

        return null;
    }
}

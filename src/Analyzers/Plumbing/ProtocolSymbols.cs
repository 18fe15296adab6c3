using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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

    private ProtocolSymbols(Compilation compilation, INamedTypeSymbol? doorbell, INamedTypeSymbol? status, INamedTypeSymbol? queue)
    {
        Compilation = compilation;
        Doorbell = doorbell;
        DoorbellStatus = status;
        HardwareQueue = queue;
    }

    public Compilation Compilation { get; }

    /// <summary>DoorbellGuard.Doorbell; null when only the analyzer package is used (wrappers declared in user code).</summary>
    public INamedTypeSymbol? Doorbell { get; }

    /// <summary>DoorbellGuard.DoorbellStatus; null when only the analyzer package is used.</summary>
    public INamedTypeSymbol? DoorbellStatus { get; }

    public INamedTypeSymbol? HardwareQueue { get; }

    /// <summary>
    /// Null when the compilation has nothing to check: then nothing is registered at all. That is the case when it
    /// references no DoorbellGuard runtime, declares no wrapper attribute of its own, and names no wrapper in .editorconfig.
    /// </summary>
    public static ProtocolSymbols? TryCreate(Compilation compilation, AnalyzerOptions? options = null)
    {
        var doorbell = compilation.GetTypeByMetadataName("DoorbellGuard.Doorbell");
        var status = compilation.GetTypeByMetadataName("DoorbellGuard.DoorbellStatus");
        if (doorbell is not null && status is not null)
            return new ProtocolSymbols(compilation, doorbell, status, compilation.GetTypeByMetadataName("DoorbellGuard.HardwareQueue"));

        // The analyzer-only package: code that wraps D3DKMT itself declares the attributes (any namespace) or names
        // its wrappers in .editorconfig. Both checks are cheap: a name lookup in the declaration table, and option lookups.
        if (DeclaresWrapperAttributes(compilation) || NamesWrappersInOptions(compilation, options))
            return new ProtocolSymbols(compilation, null, null, null);
        return null;
    }

    private static bool DeclaresWrapperAttributes(Compilation compilation) =>
        compilation.ContainsSymbolsWithName("DoorbellRingAttribute", SymbolFilter.Type)
        || compilation.ContainsSymbolsWithName("DoorbellRing", SymbolFilter.Type)
        || compilation.GetTypeByMetadataName("DoorbellGuard.DoorbellRingAttribute") is not null;

    private static bool NamesWrappersInOptions(Compilation compilation, AnalyzerOptions? options)
    {
        if (options is null)
            return false;
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GlobalOptions.TryGetValue(ProtocolConfiguration.RingMethodsKey, out _))
            return true;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(ProtocolConfiguration.RingMethodsKey, out _))
                return true;
        }

        return false;
    }

    public bool IsDoorbell(ITypeSymbol? type) => type is not null && Doorbell is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Doorbell);

    /// <summary>
    /// DoorbellGuard.DoorbellStatus, or, for code that declares its own wrappers, an enum named DoorbellStatus in any
    /// namespace (its values are compared as the D3DDDI_DOORBELLSTATUS values 0 to 3).
    /// </summary>
    public bool IsStatus(ITypeSymbol? type)
    {
        if (type is null)
            return false;
        if (DoorbellStatus is not null)
            return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, DoorbellStatus);
        return type.TypeKind == TypeKind.Enum && type.Name == "DoorbellStatus";
    }

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

    /// <summary>The parameter a wrapper acts on: its first parameter of type Doorbell (else, for a static wrapper, its first parameter), or null when it acts on its receiver.</summary>
    public IParameterSymbol? DoorbellParameter(IMethodSymbol method)
    {
        var original = (method.ReducedFrom ?? method).OriginalDefinition;
        foreach (var parameter in original.Parameters)
        {
            if (IsDoorbell(parameter.Type))
                return parameter;
        }

        // A static wrapper has no receiver: the doorbell is what it is first given (code with its own doorbell type).
        if (original.IsStatic && original.Parameters.Length > 0 && original.Parameters[0].Type.IsReferenceType)
            return original.Parameters[0];
        return null;
    }
}

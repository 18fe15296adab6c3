using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>
/// The DoorbellGuard types of one compilation, looked up once, and the classification of members as protocol
/// operations: the runtime's own members, wrappers declared by attribute (any namespace), and wrappers named in
/// .editorconfig. Shared by the analyzer and the code fixes. Classification is built to reject an ordinary call
/// cheaply: two reference comparisons, a name check, then caches per assembly and per member.
/// </summary>
internal sealed class ProtocolSymbols
{
    private readonly ConcurrentDictionary<ISymbol, ProtocolOperation> _byAttribute = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _mayCarryAttributes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _holdsDoorbell = new(SymbolEqualityComparer.Default);
    private readonly bool _attributesDeclared;
    private Dictionary<string, IAssemblySymbol>? _referencedByName;

    private ProtocolSymbols(Compilation compilation, INamedTypeSymbol? doorbell, INamedTypeSymbol? status, INamedTypeSymbol? queue, bool attributesDeclared)
    {
        Compilation = compilation;
        Doorbell = doorbell;
        DoorbellStatus = status;
        HardwareQueue = queue;
        _attributesDeclared = attributesDeclared;
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
            return new ProtocolSymbols(compilation, doorbell, status, compilation.GetTypeByMetadataName("DoorbellGuard.HardwareQueue"), attributesDeclared: true);

        // The analyzer-only package: code that wraps D3DKMT itself declares the attributes (any namespace) or names
        // its wrappers in .editorconfig. Both checks are cheap: a name lookup in the declaration table, and option lookups.
        var attributes = WrapperAttributes.AreDeclared(compilation);
        if (attributes || NamesWrappersInOptions(compilation, options) || DeclaresRawDoorbell(compilation))
            return new ProtocolSymbols(compilation, null, null, null, attributes);
        return null;
    }

    /// <summary>Code that calls D3DKMT itself declares the header's create structure (a name lookup in the declaration table).</summary>
    private static bool DeclaresRawDoorbell(Compilation compilation) =>
        compilation.ContainsSymbolsWithName("D3DKMT_CREATE_DOORBELL", SymbolFilter.Type);

    private static bool NamesWrappersInOptions(Compilation compilation, AnalyzerOptions? options)
    {
        if (options is null)
            return false;
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GlobalOptions.TryGetValue(WrapperConfiguration.RingMethodsKey, out _))
            return true;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(WrapperConfiguration.RingMethodsKey, out _))
                return true;
        }

        return false;
    }

    public bool IsDoorbell(ITypeSymbol? type) => type is not null && Doorbell is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Doorbell);

    /// <summary>
    /// Whether a value of <paramref name="type"/> is or holds a doorbell: the runtime's doorbell, a type with protocol
    /// members of its own (a wrapper type), or a type with a field or property of such a type. Cached per type.
    /// </summary>
    public bool HoldsDoorbell(ITypeSymbol? type, WrapperConfiguration configuration)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Delegate or TypeKind.Enum or TypeKind.Pointer)
            return false;
        if (_holdsDoorbell.TryGetValue(type, out var holds))
            return holds;
        holds = IsDoorbellLike(type, configuration);
        if (!holds && type is INamedTypeSymbol named && named.DeclaringSyntaxReferences.Length > 0)
        {
            foreach (var member in named.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { Parameters.IsEmpty: true } property => property.Type,
                    _ => null,
                };
                if (memberType is not null && IsDoorbellLike(memberType, configuration))
                {
                    holds = true;
                    break;
                }
            }
        }

        return _holdsDoorbell.GetOrAdd(type, holds);
    }

    /// <summary>The runtime's doorbell, or a type with protocol members of its own (a wrapper type).</summary>
    private bool IsDoorbellLike(ITypeSymbol type, WrapperConfiguration configuration)
    {
        if (IsDoorbell(type))
            return true;
        if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || !MayCarryAttributes(named.ContainingAssembly) && configuration.IsEmpty)
            return false;
        foreach (var member in named.GetMembers())
        {
            if (member is IMethodSymbol or IPropertySymbol && Classify(member, configuration) is not (ProtocolOperation.None or ProtocolOperation.Create))
                return true;
        }

        return false;
    }

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

    /// <summary>The member a call or reference names, as classified: the definition, not a constructed or reduced form.</summary>
    public static ISymbol Normalize(ISymbol symbol) =>
        symbol is IMethodSymbol method ? (method.ReducedFrom ?? method).OriginalDefinition : symbol.OriginalDefinition;

    /// <summary>What <paramref name="symbol"/> (a method or property) does, by its identity, the configuration, or its attributes.</summary>
    public ProtocolOperation Classify(ISymbol symbol, WrapperConfiguration configuration)
    {
        symbol = Normalize(symbol);
        var containing = symbol.ContainingType;
        if (containing is not null)
        {
            if (Doorbell is not null && SymbolEqualityComparer.Default.Equals(containing, Doorbell))
                return symbol is IMethodSymbol { IsStatic: false } ? RuntimeOperation(symbol.Name) : ProtocolOperation.None;
            if (HardwareQueue is not null && symbol.Name == "CreateDoorbell" && SymbolEqualityComparer.Default.Equals(containing, HardwareQueue))
                return ProtocolOperation.Create;
        }

        var configured = configuration.Classify(symbol);
        if (configured != ProtocolOperation.None || !_attributesDeclared)
            return configured;
        if (!MayCarryAttributes(symbol.ContainingAssembly))
            return ProtocolOperation.None;
        return _byAttribute.TryGetValue(symbol, out var cached) ? cached : _byAttribute.GetOrAdd(symbol, ClassifyByAttribute(symbol));
    }

    /// <summary>
    /// What reading (or, with <paramref name="write"/>, assigning) <paramref name="property"/> does: the property's own
    /// classification, else the one its getter (setter) carries (<c>public ulong Tail { get; [DoorbellRing] set; }</c>).
    /// </summary>
    public ProtocolOperation ClassifyAccess(IPropertySymbol property, bool write, WrapperConfiguration configuration)
    {
        var operation = Classify(property, configuration);
        if (operation != ProtocolOperation.None)
            return operation;
        var accessor = write ? property.SetMethod : property.GetMethod;
        return accessor is null ? ProtocolOperation.None : Classify(accessor, configuration);
    }

    private static ProtocolOperation RuntimeOperation(string name) => name switch
    {
        "Ring" => ProtocolOperation.Ring,
        "ReadStatus" => ProtocolOperation.ReadStatus,
        "Connect" => ProtocolOperation.Connect,
        "NotifyWorkSubmission" => ProtocolOperation.Notify,
        "RingAndConfirm" => ProtocolOperation.Complete,
        _ => ProtocolOperation.None,
    };

    /// <summary>
    /// The names of the ring members that referenced assemblies declare (<c>Doorbell.Ring</c>, <c>[DoorbellRing]</c>
    /// wrappers of a library): only assemblies that may carry the attributes are read. Null when one is an indexer.
    /// </summary>
    public List<string>? RingNamesInReferences(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (Doorbell is not null)
            names.Add("Ring");
        foreach (var assembly in Compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!MayCarryAttributes(assembly))
                continue;
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        pending.Push(container);
                        continue;
                    }

                    if (member is not (IMethodSymbol or IPropertySymbol) || ClassifyByAttribute(member) != ProtocolOperation.Ring)
                        continue;
                    if (RingMemberName(member) is not { } name)
                        return null;
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// An assembly's members can carry a wrapper attribute only when it declares one or references an assembly that
    /// does: the framework's assemblies never do, so their members are rejected with one cached lookup.
    /// </summary>
    private bool MayCarryAttributes(IAssemblySymbol? assembly)
    {
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, Compilation.Assembly))
            return true;
        if (_mayCarryAttributes.TryGetValue(assembly, out var may))
            return may;
        may = DeclaresAttributes(assembly);
        if (!may)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (ReferencedByName().TryGetValue(identity.Name, out var referenced) && DeclaresAttributes(referenced))
                    {
                        may = true;
                        break;
                    }
                }
            }
        }

        return _mayCarryAttributes.GetOrAdd(assembly, may);
    }

    private Dictionary<string, IAssemblySymbol> ReferencedByName()
    {
        var map = _referencedByName;
        if (map is not null)
            return map;
        map = new Dictionary<string, IAssemblySymbol>(StringComparer.Ordinal);
        foreach (var referenced in Compilation.SourceModule.ReferencedAssemblySymbols)
            map[referenced.Name] = referenced;
        return _referencedByName = map;
    }

    private static bool DeclaresAttributes(IAssemblySymbol assembly)
    {
        var names = assembly.TypeNames;
        return names.Contains(WrapperAttributes.Ring + "Attribute") || names.Contains(WrapperAttributes.Ring)
            || names.Contains(WrapperAttributes.StatusRead + "Attribute") || names.Contains(WrapperAttributes.StatusRead)
            || names.Contains(WrapperAttributes.Connect + "Attribute") || names.Contains(WrapperAttributes.Connect)
            || names.Contains(WrapperAttributes.Notify + "Attribute") || names.Contains(WrapperAttributes.Notify);
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
        var found = WrapperAttributes.Find(symbol.GetAttributes());
        if (found == ProtocolOperation.None && symbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
            found = WrapperAttributes.Find(property.GetAttributes());
        return found;
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

    /// <summary>
    /// The name callers write to use a ring member: the property's for an accessor, the member's own otherwise; null for
    /// an indexer, which no name calls.
    /// </summary>
    public static string? RingMemberName(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: true } or IMethodSymbol { AssociatedSymbol: IPropertySymbol { IsIndexer: true } } => null,
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.Name,
        _ => member.Name,
    };
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>
/// Wrappers named in .editorconfig (documentation-comment IDs) for code the user cannot annotate:
/// <c>doorbellguard.ring_methods</c>, <c>doorbellguard.status_read_methods</c>, <c>doorbellguard.connect_methods</c>,
/// <c>doorbellguard.notify_methods</c>. Resolved against one compilation; the analyzer caches one per syntax tree.
/// </summary>
internal sealed class WrapperConfiguration
{
    public const string RingMethodsKey = "doorbellguard.ring_methods";
    public const string StatusReadMethodsKey = "doorbellguard.status_read_methods";
    public const string ConnectMethodsKey = "doorbellguard.connect_methods";
    public const string NotifyMethodsKey = "doorbellguard.notify_methods";

    public static readonly WrapperConfiguration Empty = new(
        new Dictionary<ISymbol, ProtocolOperation>(SymbolEqualityComparer.Default), new HashSet<string>(StringComparer.Ordinal), ImmutableArray<UnresolvedId>.Empty);

    private readonly Dictionary<ISymbol, ProtocolOperation> _operations;
    private readonly HashSet<string> _names;

    private WrapperConfiguration(Dictionary<ISymbol, ProtocolOperation> operations, HashSet<string> names, ImmutableArray<UnresolvedId> unresolvedIds)
    {
        _operations = operations;
        _names = names;
        UnresolvedIds = unresolvedIds;
    }

    /// <summary>The configured IDs that name no method or property of the compilation (typos, stale names): DBL901.</summary>
    public ImmutableArray<UnresolvedId> UnresolvedIds { get; }

    public bool IsEmpty => _operations.Count == 0;

    /// <summary>Every configured member, with what it does (for the code fixes, which look for a connect or notify wrapper).</summary>
    public IEnumerable<KeyValuePair<ISymbol, ProtocolOperation>> Members => _operations;

    /// <summary>What the configuration says <paramref name="originalDefinition"/> does; a name check first, so most calls cost one hash of a string.</summary>
    public ProtocolOperation Classify(ISymbol originalDefinition) =>
        _names.Count != 0 && _names.Contains(originalDefinition.Name) && _operations.TryGetValue(originalDefinition, out var operation) ? operation : ProtocolOperation.None;

    /// <summary>The four option values that apply to <paramref name="tree"/> (its .editorconfig section, else the global options).</summary>
    public static WrapperOptionText Read(AnalyzerConfigOptionsProvider provider, SyntaxTree tree)
    {
        var treeOptions = provider.GetOptions(tree);
        return new WrapperOptionText(
            ReadOption(treeOptions, provider.GlobalOptions, RingMethodsKey) ?? string.Empty,
            ReadOption(treeOptions, provider.GlobalOptions, StatusReadMethodsKey) ?? string.Empty,
            ReadOption(treeOptions, provider.GlobalOptions, ConnectMethodsKey) ?? string.Empty,
            ReadOption(treeOptions, provider.GlobalOptions, NotifyMethodsKey) ?? string.Empty);
    }

    /// <summary>The configuration for <paramref name="tree"/>, resolved now (the code fixes; the analyzer caches it per tree).</summary>
    public static WrapperConfiguration For(AnalyzerOptions options, SyntaxTree tree, Compilation compilation) =>
        Resolve(Read(options.AnalyzerConfigOptionsProvider, tree), compilation);

    /// <summary>Resolves the IDs of <paramref name="text"/> against <paramref name="compilation"/>.</summary>
    public static WrapperConfiguration Resolve(WrapperOptionText text, Compilation compilation)
    {
        if (text.IsEmpty)
            return Empty;
        var operations = new Dictionary<ISymbol, ProtocolOperation>(SymbolEqualityComparer.Default);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var unresolved = ImmutableArray.CreateBuilder<UnresolvedId>();
        AddAll(operations, names, unresolved, compilation, RingMethodsKey, text.Ring, ProtocolOperation.Ring);
        AddAll(operations, names, unresolved, compilation, StatusReadMethodsKey, text.StatusRead, ProtocolOperation.ReadStatus);
        AddAll(operations, names, unresolved, compilation, ConnectMethodsKey, text.Connect, ProtocolOperation.Connect);
        AddAll(operations, names, unresolved, compilation, NotifyMethodsKey, text.Notify, ProtocolOperation.Notify);
        return new WrapperConfiguration(operations, names, unresolved.ToImmutable());
    }

    /// <summary>An option's value for a tree (the tree's .editorconfig section first, then the global options), trimmed; null when it is not set.</summary>
    public static string? ReadOption(AnalyzerConfigOptions treeOptions, AnalyzerConfigOptions globalOptions, string key) =>
        treeOptions.TryGetValue(key, out var value) || globalOptions.TryGetValue(key, out value) ? value.Trim() : null;

    private static void AddAll(Dictionary<ISymbol, ProtocolOperation> operations, HashSet<string> names, ImmutableArray<UnresolvedId>.Builder unresolved, Compilation compilation, string key, string list, ProtocolOperation operation)
    {
        foreach (var id in SplitIds(list))
        {
            var any = false;
            foreach (var symbol in Resolve(id, compilation))
            {
                if (symbol is not (IMethodSymbol or IPropertySymbol))
                    continue;
                any = true;
                operations[symbol.OriginalDefinition] = operation;
                names.Add(symbol.Name);
            }

            if (!any)
                unresolved.Add(new UnresolvedId(key, id));
        }
    }

    /// <summary>Splits a list on '|', ';' and the commas that are not inside a parameter list.</summary>
    internal static IEnumerable<string> SplitIds(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : '|';
            if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}')
                depth = Math.Max(0, depth - 1);
            else if (c is '|' or ';' || (c == ',' && depth == 0))
            {
                var id = list.Substring(start, i - start).Trim();
                if (id.Length != 0)
                    yield return id;
                start = i + 1;
                depth = 0;
            }
        }
    }

    /// <summary>
    /// A documentation-comment ID ("M:Vendor.Queue.Kick(System.UInt64)", "P:Vendor.Queue.Status"). Without a prefix, or
    /// without a parameter list, every method or property of that name matches.
    /// </summary>
    internal static IEnumerable<ISymbol> Resolve(string id, Compilation compilation)
    {
        var hasPrefix = id.Length > 2 && id[1] == ':';
        if (hasPrefix)
        {
            var exact = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
            if (!exact.IsDefaultOrEmpty)
                return exact;
            if (id.IndexOf('(') >= 0)
                return ImmutableArray<ISymbol>.Empty;
            id = id.Substring(2);
        }

        if (id.IndexOf('(') >= 0)
        {
            var method = DocumentationCommentId.GetSymbolsForDeclarationId("M:" + id, compilation);
            return method.IsDefaultOrEmpty ? ImmutableArray<ISymbol>.Empty : method;
        }

        var dot = id.LastIndexOf('.');
        if (dot <= 0)
            return ImmutableArray<ISymbol>.Empty;
        var types = DocumentationCommentId.GetSymbolsForDeclarationId("T:" + id.Substring(0, dot), compilation);
        if (types.IsDefaultOrEmpty)
            return ImmutableArray<ISymbol>.Empty;
        var name = id.Substring(dot + 1);
        var members = new List<ISymbol>();
        foreach (var type in types)
        {
            if (type is INamedTypeSymbol named)
                members.AddRange(named.GetMembers(name));
        }

        return members;
    }
}

/// <summary>A documentation-comment ID in option <see cref="Key"/> that names no method or property of the compilation.</summary>
internal readonly struct UnresolvedId : IEquatable<UnresolvedId>
{
    public UnresolvedId(string key, string id)
    {
        Key = key;
        Id = id;
    }

    public string Key { get; }

    public string Id { get; }

    public bool Equals(UnresolvedId other) => string.Equals(Key, other.Key, StringComparison.Ordinal) && string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is UnresolvedId other && Equals(other);

    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Key) * 31) + StringComparer.Ordinal.GetHashCode(Id);
}

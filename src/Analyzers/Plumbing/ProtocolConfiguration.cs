using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Plumbing;

/// <summary>
/// Wrappers named in .editorconfig (documentation-comment IDs) for code the user cannot annotate:
/// <c>doorbellguard.ring_methods</c>, <c>doorbellguard.status_read_methods</c>, <c>doorbellguard.connect_methods</c>,
/// <c>doorbellguard.notify_methods</c>.
/// </summary>
internal sealed class ProtocolConfiguration
{
    public const string RingMethodsKey = "doorbellguard.ring_methods";
    public const string StatusReadMethodsKey = "doorbellguard.status_read_methods";
    public const string ConnectMethodsKey = "doorbellguard.connect_methods";
    public const string NotifyMethodsKey = "doorbellguard.notify_methods";

    public static readonly ProtocolConfiguration Empty = new(ImmutableDictionary<ISymbol, ProtocolOperation>.Empty.WithComparers(SymbolEqualityComparer.Default));

    // One resolved configuration per compilation and distinct option text: most trees share one.
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, ProtocolConfiguration>> Cache = new();

    private readonly ImmutableDictionary<ISymbol, ProtocolOperation> _operations;

    private ProtocolConfiguration(ImmutableDictionary<ISymbol, ProtocolOperation> operations) => _operations = operations;

    public ProtocolOperation Classify(ISymbol originalDefinition) =>
        _operations.Count != 0 && _operations.TryGetValue(originalDefinition, out var operation) ? operation : ProtocolOperation.None;

    /// <summary>The configuration that applies to <paramref name="tree"/> (its .editorconfig section, else the global options).</summary>
    public static ProtocolConfiguration For(AnalyzerOptions options, SyntaxTree tree, Compilation compilation)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var treeOptions = provider.GetOptions(tree);
        var ring = Read(treeOptions, provider.GlobalOptions, RingMethodsKey);
        var read = Read(treeOptions, provider.GlobalOptions, StatusReadMethodsKey);
        var connect = Read(treeOptions, provider.GlobalOptions, ConnectMethodsKey);
        var notify = Read(treeOptions, provider.GlobalOptions, NotifyMethodsKey);
        if (ring.Length == 0 && read.Length == 0 && connect.Length == 0 && notify.Length == 0)
            return Empty;

        var cacheKey = ring + "\n" + read + "\n" + connect + "\n" + notify;
        var perCompilation = Cache.GetValue(compilation, _ => new ConcurrentDictionary<string, ProtocolConfiguration>(StringComparer.Ordinal));
        return perCompilation.GetOrAdd(cacheKey, _ =>
        {
            var builder = ImmutableDictionary.CreateBuilder<ISymbol, ProtocolOperation>(SymbolEqualityComparer.Default);
            AddAll(builder, compilation, ring, ProtocolOperation.Ring);
            AddAll(builder, compilation, read, ProtocolOperation.ReadStatus);
            AddAll(builder, compilation, connect, ProtocolOperation.Connect);
            AddAll(builder, compilation, notify, ProtocolOperation.Notify);
            return new ProtocolConfiguration(builder.ToImmutable());
        });
    }

    private static string Read(AnalyzerConfigOptions treeOptions, AnalyzerConfigOptions globalOptions, string key) =>
        treeOptions.TryGetValue(key, out var value) || globalOptions.TryGetValue(key, out value) ? value.Trim() : string.Empty;

    private static void AddAll(ImmutableDictionary<ISymbol, ProtocolOperation>.Builder builder, Compilation compilation, string list, ProtocolOperation operation)
    {
        foreach (var id in SplitIds(list))
        {
            foreach (var symbol in Resolve(id, compilation))
            {
                if (symbol is IMethodSymbol or IPropertySymbol)
                    builder[symbol.OriginalDefinition] = operation;
            }
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

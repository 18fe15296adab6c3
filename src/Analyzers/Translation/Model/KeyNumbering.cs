using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// The last step of translation: number the keys (every access path a ring, read, connect or notify names exactly),
/// then turn each raw event into model events, one per key in its scope. Escapes name a scope, not a key: they are
/// decided here, once every key of the function is known.
/// </summary>
internal static class KeyNumbering
{
    /// <summary>The tables of one numbering, kept per thread between functions and emptied after each (they hold symbols).</summary>
    [ThreadStatic]
    private static Tables? s_kept;

    /// <summary>False when the function has more keys than the model holds: then nothing is reported.</summary>
    public static bool Finish(RawModel model, CapturedRoots captured, HelperIndex helpers, out IReadOnlyList<AccessPath> numbered)
    {
        LocalAliases.Resolve(model, captured);
        numbered = Array.Empty<AccessPath>();
        // Helper summaries are built while a caller's numbering may be on the stack: a nested use takes tables of its own.
        var tables = s_kept ?? new Tables();
        s_kept = null;
        try
        {
            return Number(model, captured, helpers, tables, out numbered);
        }
        finally
        {
            tables.Empty();
            s_kept = tables;
        }
    }

    private static bool Number(RawModel model, CapturedRoots captured, HelperIndex helpers, Tables tables, out IReadOnlyList<AccessPath> numbered)
    {
        numbered = Array.Empty<AccessPath>();
        var keys = tables.Keys;
        var keyList = new List<AccessPath>();
        foreach (var events in model.EventsOfBlocks)
        {
            foreach (var e in events)
            {
                if (e.Scope == RawScope.Exact && e.Path is not null && !keys.ContainsKey(e.Path))
                {
                    keys[e.Path] = keyList.Count;
                    keyList.Add(e.Path);
                }
            }
        }

        if (keyList.Count >= ProtocolElement.MaxKeys)
            return false;
        numbered = keyList;

        var graph = model.Graph;
        graph.KeyCount = keyList.Count;
        foreach (var nullEdge in model.NullEdges)
        {
            var key = nullEdge.Path is not null && keys.TryGetValue(nullEdge.Path, out var found) ? found : -1;
            if (key >= 0 || nullEdge.Holder >= 0)
            {
                var old = graph.Blocks[nullEdge.Block].Edges[nullEdge.Edge];
                graph.Blocks[nullEdge.Block].Edges[nullEdge.Edge] = old.WithNull(key, nullEdge.Holder);
            }
        }

        // Blocks that share a raw list (the copies of a finally region) get the events of the first block converted.
        var firstBlockOf = tables.FirstBlockOf;
        for (var b = 0; b < graph.Blocks.Count; b++)
        {
            var raw = model.EventsOf(b);
            var events = graph.Blocks[b].Events;
            if (firstBlockOf.TryGetValue(raw, out var first))
            {
                events.AddRange(graph.Blocks[first].Events);
                continue;
            }

            firstBlockOf[raw] = b;
            tables.Distinct.Add(raw);
            if (events.Capacity < raw.Count)
                events.Capacity = raw.Count;
            Convert(raw, keys, keyList, captured, helpers, events);
        }

        model.ReleaseEventLists(tables.Distinct);
        return true;
    }

    private static void Convert(List<RawEvent> raw, Dictionary<AccessPath, int> keys, List<AccessPath> keyList, CapturedRoots captured, HelperIndex helpers, List<ProtocolEvent> result)
    {
        foreach (var e in raw)
        {
            switch (e.Scope)
            {
                case RawScope.None:
                    result.Add(e.Kind switch
                    {
                        ProtocolEventKind.HolderCopy => ProtocolEvent.HolderCopy(e.Holder, e.SourceHolder),
                        ProtocolEventKind.HolderClear => ProtocolEvent.HolderClear(e.Holder),
                        ProtocolEventKind.Distinguish => ProtocolEvent.Distinguish(e.Holder, e.Mask),
                        ProtocolEventKind.DerivedSet => ProtocolEvent.DerivedSet(e.Holder, (int)e.Table),
                        ProtocolEventKind.DerivedFromStatus => ProtocolEvent.DerivedFromStatus(e.Holder, e.SourceHolder, e.Table),
                        ProtocolEventKind.DerivedFromDerived => ProtocolEvent.DerivedFromDerived(e.Holder, e.SourceHolder, e.Table),
                        _ => ProtocolEvent.HolderEscape(e.Holder),
                    });
                    break;
                case RawScope.Exact:
                    result.Add(Make(e, keys[e.Path!]));
                    break;
                default:
                    for (var k = 0; k < keyList.Count; k++)
                    {
                        if (InScope(e, keyList[k], captured, helpers))
                            result.Add(Make(e, k));
                    }

                    break;
            }
        }
    }

    private static bool InScope(RawEvent e, AccessPath key, CapturedRoots captured, HelperIndex helpers) => e.Scope switch
    {
        RawScope.Prefix => key.StartsWith(e.Path!),
        RawScope.Captured => captured.Contains(key),
        RawScope.StaticOfType => key.Kind == AccessRootKind.Static && SymbolEqualityComparer.Default.Equals(key.Root!.ContainingType, e.Type),
        RawScope.AllStatic => key.Kind == AccessRootKind.Static,
        RawScope.ThisTouchedBy => key.Kind == AccessRootKind.This && helpers.MayTouch(e.Callee!, key),
        // A create structure, or a mapped address kept in a field (RawFieldOrigins keys a doorbell by that field).
        RawScope.RawDoorbells => TypeOf(key) is { } type && (Protocol.RawD3dkmt.IsCreateStructure(type)
            || type.TypeKind == TypeKind.Pointer || type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr),
        _ => false,
    };

    private static ITypeSymbol? TypeOf(AccessPath key) => (key.Steps.IsEmpty ? key.Root : key.Steps[key.Steps.Length - 1]) switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static ProtocolEvent Make(RawEvent e, int key)
    {
        return e.Kind switch
        {
            ProtocolEventKind.Ring => ProtocolEvent.Ring(key, e.Site),
            ProtocolEventKind.RecursiveRing => ProtocolEvent.RecursiveRing(key, e.Site),
            ProtocolEventKind.ReadStatus => ProtocolEvent.ReadStatus(key, e.Holder, e.Site),
            ProtocolEventKind.Connect => ProtocolEvent.Connect(key),
            ProtocolEventKind.Notify => ProtocolEvent.Notify(key),
            ProtocolEventKind.Complete => ProtocolEvent.Complete(key),
            ProtocolEventKind.Assign => ProtocolEvent.Assign(key, e.Created, e.Site),
            _ => ProtocolEvent.Havoc(key),
        };
    }

    /// <summary>The key numbers by access path, and the raw lists already converted (by identity, with the first block that holds each).</summary>
    private sealed class Tables
    {
        public Dictionary<AccessPath, int> Keys { get; } = new();

        public Dictionary<List<RawEvent>, int> FirstBlockOf { get; } = new(ListIdentity.Instance);

        public List<List<RawEvent>> Distinct { get; } = new();

        public void Empty()
        {
            Keys.Clear();
            FirstBlockOf.Clear();
            Distinct.Clear();
        }
    }

    private sealed class ListIdentity : IEqualityComparer<List<RawEvent>>
    {
        public static readonly ListIdentity Instance = new();

        public bool Equals(List<RawEvent>? x, List<RawEvent>? y) => ReferenceEquals(x, y);

        public int GetHashCode(List<RawEvent> list) => RuntimeHelpers.GetHashCode(list);
    }
}

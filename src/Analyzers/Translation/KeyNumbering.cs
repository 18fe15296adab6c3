using System.Collections.Generic;
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
    /// <summary>False when the function has more keys than the model holds: then nothing is reported.</summary>
    public static bool Finish(RawModel model, CapturedRoots captured, HelperIndex helpers, out IReadOnlyList<AccessPath> numbered)
    {
        LocalAliases.Resolve(model, captured);
        numbered = System.Array.Empty<AccessPath>();
        var keys = new Dictionary<AccessPath, int>();
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
                graph.Blocks[nullEdge.Block].Edges[nullEdge.Edge] = new ProtocolEdge(old.Target, old.Holder, old.TakenWhen, nullKey: key, nullHolder: nullEdge.Holder);
            }
        }

        var converted = new Dictionary<List<RawEvent>, List<ProtocolEvent>>();
        for (var b = 0; b < graph.Blocks.Count; b++)
        {
            var raw = model.EventsOf(b);
            if (!converted.TryGetValue(raw, out var events))
            {
                events = Convert(raw, keys, keyList, captured, helpers);
                converted[raw] = events;
            }

            graph.Blocks[b].Events.AddRange(events);
        }

        return true;
    }

    private static List<ProtocolEvent> Convert(List<RawEvent> raw, Dictionary<AccessPath, int> keys, List<AccessPath> keyList, CapturedRoots captured, HelperIndex helpers)
    {
        var result = new List<ProtocolEvent>(raw.Count);
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

        return result;
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
            ProtocolEventKind.ReadStatus => ProtocolEvent.ReadStatus(key, e.Holder),
            ProtocolEventKind.Connect => ProtocolEvent.Connect(key),
            ProtocolEventKind.Notify => ProtocolEvent.Notify(key),
            ProtocolEventKind.Complete => ProtocolEvent.Complete(key),
            ProtocolEventKind.Assign => ProtocolEvent.Assign(key, e.Created, e.Site),
            _ => ProtocolEvent.Havoc(key),
        };
    }
}

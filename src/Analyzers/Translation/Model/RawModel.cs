using System;
using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// A protocol graph under construction: blocks with their edges, and per block the events still naming access paths.
/// A block's event list may be shared by several blocks (the copies of a finally region): it is converted once.
/// </summary>
internal sealed class RawModel
{
    /// <summary>Past this many lists a thread keeps no more for the next function (a long method's blocks come back to it).</summary>
    private const int MaxKeptLists = 4096;

    [ThreadStatic]
    private static Stack<List<RawEvent>>? s_keptLists;

    private readonly List<List<RawEvent>> _events = new();

    public ProtocolGraph Graph { get; } = new();

    /// <summary>Edges on which a key or a holder is null, patched with the key's number once keys are numbered.</summary>
    public List<NullEdge> NullEdges { get; } = new();

    public int BlockCount => Graph.Blocks.Count;

    /// <summary>The places blocks point at to explain a violation: the statement that leaves, the condition that tests.</summary>
    public List<Location> Anchors { get; } = new();

    /// <summary>Block <paramref name="block"/> leaves the method through <paramref name="syntax"/> when it goes on.</summary>
    public void SetLeaveAnchor(int block, Location syntax) => Graph.Blocks[block].LeaveAnchor = Anchor(syntax);

    /// <summary>Block <paramref name="block"/> ends with a test of a status written at <paramref name="syntax"/>.</summary>
    public void SetConditionAnchor(int block, Location syntax) => Graph.Blocks[block].ConditionAnchor = Anchor(syntax);

    private int Anchor(Location location)
    {
        Anchors.Add(location);
        return Anchors.Count - 1;
    }

    public IReadOnlyList<List<RawEvent>> EventsOfBlocks => _events;

    /// <summary>A new block whose events are <paramref name="events"/> (shared, not copied).</summary>
    public int AddBlock(List<RawEvent> events)
    {
        Graph.AddBlock();
        _events.Add(events);
        return Graph.Blocks.Count - 1;
    }

    /// <summary>A new block with an empty event list of its own, one this thread kept from an earlier function when it has one.</summary>
    public int AddBlock()
    {
        var kept = s_keptLists;
        return AddBlock(kept is { Count: > 0 } ? kept.Pop() : new List<RawEvent>());
    }

    public List<RawEvent> EventsOf(int block) => _events[block];

    /// <summary>
    /// Once the events are converted, hands their lists back to the thread for the next function: each list once
    /// (<paramref name="distinct"/>, a list shared by several blocks counted once), emptied so that no symbol is kept.
    /// The model has no events afterwards.
    /// </summary>
    public void ReleaseEventLists(List<List<RawEvent>> distinct)
    {
        var kept = s_keptLists ??= new Stack<List<RawEvent>>();
        foreach (var list in distinct)
        {
            if (kept.Count >= MaxKeptLists)
                break;
            list.Clear();
            kept.Push(list);
        }

        _events.Clear();
    }

    /// <summary>Gives <paramref name="block"/> a list of its own (a finally copy whose events now differ from the template's).</summary>
    public void ReplaceEvents(int block, List<RawEvent> events) => _events[block] = events;

    public void AddEdge(int from, ProtocolEdge edge) => Graph.Blocks[from].Edges.Add(edge);
}

/// <summary>Edge <see cref="Edge"/> of block <see cref="Block"/> is taken only when <see cref="Path"/> (or holder <see cref="Holder"/>) is null.</summary>
internal readonly struct NullEdge
{
    public NullEdge(int block, int edge, AccessPath? path, int holder)
    {
        Block = block;
        Edge = edge;
        Path = path;
        Holder = holder;
    }

    public int Block { get; }

    public int Edge { get; }

    public AccessPath? Path { get; }

    public int Holder { get; }
}

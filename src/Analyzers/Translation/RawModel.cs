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

    public List<RawEvent> EventsOf(int block) => _events[block];

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

using System;
using System.Collections.Generic;
using System.Threading;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>One fixpoint run of <see cref="ProtocolAnalysis"/> over a graph: elements flow to a fixpoint, violations are
/// recorded with a witness (Simulation.Explanation.cs explains them).</summary>
internal sealed partial class Simulation
{
    private const byte ConnectedOrNotify = (1 << StatusMask.Connected) | (1 << StatusMask.ConnectedNotify);

    private readonly ProtocolGraph _graph;
    private readonly int[][] _readIds;
    private readonly Dictionary<BlockRead, byte>? _statusesAtBlock;
    private readonly ProtocolBudget _budget;
    private readonly CancellationToken _cancellationToken;
    // What has arrived where, for the whole graph in one table (per-block sets cost more in growing than in use: most
    // blocks see a handful of elements), with the block and entry element each came from: the reporting run explains
    // a violation by one path that commits it.
    private readonly SeenElements _seen;
    private readonly List<ProtocolElement>[] _delta;
    private readonly bool _reporting;

    // The reporting run only: the first witness of each violation.
    private readonly Dictionary<ProtocolViolation, Witness> _witnesses = new();

    public Simulation(ProtocolGraph graph, int[][] readIds, Dictionary<BlockRead, byte>? statusesAtBlock, bool reporting, ProtocolBudget budget, CancellationToken cancellationToken)
    {
        _reporting = reporting;
        _graph = graph;
        _readIds = readIds;
        _statusesAtBlock = statusesAtBlock;
        _budget = budget;
        _cancellationToken = cancellationToken;
        _seen = SeenElements.Rent(graph.Blocks.Count * 4 + 16);
        _delta = new List<ProtocolElement>[graph.Blocks.Count];
    }

    /// <summary>A violation, the block it was detected in and the element that entered that block on the way to it.</summary>
    private readonly struct Witness
    {
        public Witness(ProtocolViolation violation, int block, ProtocolElement entry, ProtocolElement element)
        {
            Violation = violation;
            Block = block;
            Entry = entry;
            Element = element;
        }

        public ProtocolViolation Violation { get; }

        public int Block { get; }

        public ProtocolElement Entry { get; }

        /// <summary>The element as it was when the violation showed.</summary>
        public ProtocolElement Element { get; }
    }

    public bool Run(ref int steps)
    {
        var reporting = _reporting;
        var worklist = new Stack<int>();
        var queued = new bool[_graph.Blocks.Count];
        for (var b = 0; b < _graph.Blocks.Count; b++)
        {
            if (b != 0 && !_graph.Blocks[b].IsHandlerEntry)
                continue;
            for (var k = 0; k < _graph.KeyCount; k++)
                Add(b, ProtocolElement.Start(k), -1, default);
            if (_delta[b] is not null)
            {
                worklist.Push(b);
                queued[b] = true;
            }
        }

        // current[i] went into this block as entries[i] (what the parent map knows it by).
        var current = new List<ProtocolElement>();
        var next = new List<ProtocolElement>();
        var entries = new List<ProtocolElement>();
        var nextEntries = new List<ProtocolElement>();
        while (worklist.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var b = worklist.Pop();
            queued[b] = false;
            var block = _graph.Blocks[b];
            var delta = _delta[b];
            if (delta is null || delta.Count == 0)
                continue;

            current.Clear();
            entries.Clear();
            foreach (var element in delta)
            {
                current.Add(MarkSeparated(b, element));
                entries.Add(element);
            }

            // Taken: the list is kept for what arrives next (nothing is added to it before this point).
            delta.Clear();

            // Something in this block may throw to a handler: before its events, or after them.
            Throw(b, block, current, entries, worklist, queued);
            for (var i = 0; i < block.Events.Count && current.Count > 0; i++)
            {
                next.Clear();
                nextEntries.Clear();
                var e = block.Events[i];
                for (var j = 0; j < current.Count; j++)
                {
                    var before = next.Count;
                    Transfer(current[j], e, _readIds[b][i], next, reporting, b, entries[j]);
                    for (var added = before; added < next.Count; added++)
                        nextEntries.Add(entries[j]);
                }

                steps += current.Count;
                if (steps > _budget.MaxSteps)
                    return false;
                (current, next) = (next, current);
                (entries, nextEntries) = (nextEntries, entries);
            }

            Throw(b, block, current, entries, worklist, queued);
            if (block.IsNormalExit && reporting)
            {
                for (var j = 0; j < current.Count; j++)
                    CheckEnd(current[j], b, entries[j], Detection.Exit);
            }

            foreach (var edge in block.Edges)
            {
                if (edge.Target < 0)
                    continue;
                var added = false;
                for (var j = 0; j < current.Count; j++)
                {
                    if (Passes(current[j], edge))
                        added |= Add(edge.Target, current[j], b, entries[j]);
                }

                steps += current.Count;
                if (added && !queued[edge.Target])
                {
                    worklist.Push(edge.Target);
                    queued[edge.Target] = true;
                }
            }

            if (steps > _budget.MaxSteps)
                return false;
        }

        return true;
    }

    /// <summary>
    /// The handlers of a block's try get what reaches it, owing nothing (exceptional paths create no obligations)
    /// but knowing whether each doorbell was connected: a catch that carries on may ring one that never was.
    /// </summary>
    private void Throw(int b, ProtocolBlock block, List<ProtocolElement> elements, List<ProtocolElement> entries, Stack<int> worklist, bool[] queued)
    {
        var handlers = block.Handlers;
        for (var h = 0; h < handlers.Count; h++)
        {
            var handler = handlers[h];
            var added = false;
            for (var j = 0; j < elements.Count; j++)
                added |= Add(handler, elements[j].ToIdle(elements[j].Connection), b, entries[j]);
            if (added && !queued[handler])
            {
                worklist.Push(handler);
                queued[handler] = true;
            }
        }
    }

    /// <summary>Hands the table of what arrived where back to the thread; the run is not used after this.</summary>
    public void Release() => _seen.Return();

    /// <summary>For each block, which statuses of each read (key, read id) arrive there.</summary>
    public Dictionary<BlockRead, byte> StatusesAtBlockEntry()
    {
        var result = new Dictionary<BlockRead, byte>();
        for (var i = 0; i < _seen.Count; i++)
        {
            var (block, element) = _seen[i];
            if (element.Phase != Phase.Read)
                continue;
            var key = new BlockRead(block, ReadKey(element));
            result.TryGetValue(key, out var mask);
            result[key] = (byte)(mask | StatusMask.Of(element.Status));
        }

        return result;
    }

    /// <summary>The statuses of <paramref name="element"/>'s read that reach <paramref name="block"/> (all, when the first pass did not run).</summary>
    private byte StatusesHere(int block, ProtocolElement element) =>
        _statusesAtBlock is not null && _statusesAtBlock.TryGetValue(new BlockRead(block, ReadKey(element)), out var present) ? present : StatusMask.All;

    private ProtocolElement MarkSeparated(int block, ProtocolElement element)
    {
        var here = _graph.Blocks[block];
        if (_statusesAtBlock is null || element.Phase != Phase.Read || element.Status != StatusMask.DisconnectedAbort || element.AbortSeparated || !here.CanSeparate)
            return element;
        var readKey = ReadKey(element);
        if (!_statusesAtBlock.TryGetValue(new BlockRead(block, readKey), out var statuses) || (statuses & ConnectedOrNotify) != 0)
            return element;
        if (here.SeparationScope >= 0 && _statusesAtBlock.TryGetValue(new BlockRead(here.SeparationScope, readKey), out var entered) && (entered & ConnectedOrNotify) == 0)
            return element; // the copy of the finally was entered by the disconnected statuses alone: its way in separated them, not its code
        return element.WithAbortSeparated();
    }

    private bool Add(int block, ProtocolElement element, int fromBlock, ProtocolElement fromEntry)
    {
        if (!_seen.TryAdd(block, element, fromBlock, fromEntry))
            return false;
        (_delta[block] ??= new List<ProtocolElement>()).Add(element);
        return true;
    }

    private static bool Passes(ProtocolElement element, ProtocolEdge edge)
    {
        if (edge.NullKey == element.Key && element.Phase != Phase.Idle)
            return false;
        if (edge.NullHolder >= 0 && element.Phase == Phase.Read && element.HasHolder(edge.NullHolder))
            return false;
        if (edge.DerivedVariable >= 0 && !DerivedValues.Allows(edge.DerivedTakenWhen, element.DerivedValue(edge.DerivedVariable)))
            return false;
        return edge.Holder < 0 || element.Phase != Phase.Read || !element.HasHolder(edge.Holder) || StatusMask.Contains(edge.TakenWhen, element.Status);
    }

    private void Transfer(ProtocolElement x, ProtocolEvent e, int readId, List<ProtocolElement> output, bool reporting, int block, ProtocolElement entry)
    {
        switch (e.Kind)
        {
            case ProtocolEventKind.HolderCopy:
                var copied = x.Holders & ~(1u << e.Holder);
                if (x.HasHolder(e.SourceHolder))
                    copied |= 1u << e.Holder;
                output.Add(x.WithHolders(copied));
                return;
            case ProtocolEventKind.HolderClear:
                output.Add(x.WithHolders(x.Holders & ~(1u << e.Holder)));
                return;
            case ProtocolEventKind.HolderEscape:
                output.Add(x.HasHolder(e.Holder) && x.Phase == Phase.Read ? x.ToIdle(x.Connection) : x);
                return;
            case ProtocolEventKind.DerivedSet:
                output.Add(x.WithDerived(e.Holder, (int)e.Table));
                return;
            case ProtocolEventKind.DerivedFromStatus:
                output.Add(x.WithDerived(e.Holder, x.Phase == Phase.Read && x.HasHolder(e.SourceHolder) ? DerivedValues.StatusTable(e.Table, x.Status) : 0));
                return;
            case ProtocolEventKind.DerivedFromDerived:
                output.Add(x.WithDerived(e.Holder, DerivedValues.CodeTable(e.Table, x.DerivedValue(e.SourceHolder))));
                return;
            case ProtocolEventKind.Distinguish:
                output.Add(x.Phase == Phase.Read && x.Status == StatusMask.DisconnectedAbort && x.HasHolder(e.Holder) && ProtocolAnalysis.Separates(e.Mask, StatusesHere(block, x)) ? x.WithAbortSeparated() : x);
                return;
        }

        if (x.Key != e.Key)
        {
            // A read into a holder rebinds that holder, whichever doorbell it held before.
            output.Add(e.Kind == ProtocolEventKind.ReadStatus && e.Holder >= 0 ? x.WithHolders(x.Holders & ~(1u << e.Holder)) : x);
            return;
        }

        switch (e.Kind)
        {
            case ProtocolEventKind.Ring:
                if (reporting)
                    CheckRing(x, e, block, entry);
                output.Add(x.Rung(e.Site));
                return;
            case ProtocolEventKind.RecursiveRing:
                if (reporting)
                    CheckRing(x, e, block, entry);
                output.Add(x.ToIdle(x.Connection));
                return;
            case ProtocolEventKind.ReadStatus:
                var holders = e.Holder >= 0 ? 1u << e.Holder : 0u;
                if (x.Phase == Phase.Idle)
                {
                    output.Add(x.WithHolders(0));
                    return;
                }

                // Reading again without a ring in between sees the same status: only the holder changes.
                if (x.Phase == Phase.Read)
                {
                    output.Add(x.WithHolders(holders));
                    return;
                }

                for (var status = 0; status < 4; status++)
                    output.Add(x.Read(status, readId, holders));
                return;
            case ProtocolEventKind.Connect:
                // Connect throws on an aborted doorbell: that path ends here and owes nothing.
                if (x.Phase == Phase.Read && x.Status == StatusMask.DisconnectedAbort)
                    return;
                var connected = x.WithConnection(Connection.Connected);
                output.Add(x.Phase == Phase.Read && x.Status == StatusMask.DisconnectedRetry ? connected.WithRetryConnected() : connected);
                return;
            case ProtocolEventKind.Notify:
                output.Add(x.Phase == Phase.Read && x.Status == StatusMask.ConnectedNotify ? x.WithNotified() : x);
                return;
            case ProtocolEventKind.Complete:
            case ProtocolEventKind.Havoc:
                output.Add(x.ToIdle(Connection.Unknown));
                return;
            case ProtocolEventKind.Assign:
                if (reporting)
                    CheckEnd(x, block, entry, Detection.Replaced);
                output.Add(x.ToIdle(e.Created ? Connection.Disconnected : Connection.Unknown));
                return;
            default:
                output.Add(x);
                return;
        }
    }

    /// <summary>A ring arrives: what the previous read left unhandled, and whether the doorbell was ever connected.</summary>
    private void CheckRing(ProtocolElement x, ProtocolEvent ring, int block, ProtocolElement entry)
    {
        if (x.Phase == Phase.Read)
        {
            switch (x.Status)
            {
                case StatusMask.ConnectedNotify when !x.Notified:
                    Record(ProtocolRule.NotifyNotCalled, x.Site, x, Detection.Ring, ring.Site, block, entry);
                    break;
                case StatusMask.DisconnectedRetry when !x.RetryConnected:
                    Record(ProtocolRule.DisconnectNotRetried, x.Site, x, Detection.Ring, ring.Site, block, entry);
                    break;
                case StatusMask.DisconnectedAbort when !x.AbortSeparated:
                    Record(ProtocolRule.AbortTreatedAsSuccess, x.Site, x, Detection.Ring, ring.Site, block, entry);
                    break;
            }
        }

        if (x.Connection == Connection.Disconnected)
            Record(ProtocolRule.RingBeforeConnect, ring.Site, x, Detection.Ring, ring.Site, block, entry);
    }

    /// <summary>The method completes normally (or the doorbell is replaced): whatever is still owed is a violation.</summary>
    private void CheckEnd(ProtocolElement x, int block, ProtocolElement entry, Detection detection)
    {
        if (x.Phase == Phase.Pending)
        {
            Record(ProtocolRule.RingWithoutStatusRead, x.Site, x, detection, -1, block, entry);
            return;
        }

        if (x.Phase != Phase.Read)
            return;
        switch (x.Status)
        {
            case StatusMask.ConnectedNotify when !x.Notified:
                Record(ProtocolRule.NotifyNotCalled, x.Site, x, detection, -1, block, entry);
                break;
            case StatusMask.DisconnectedRetry when !(x.RetryConnected && detection == Detection.Exit && _graph.HandsRetryToInvoker):
                Record(ProtocolRule.DisconnectNotRetried, x.Site, x, detection, -1, block, entry);
                break;
            case StatusMask.DisconnectedAbort when !x.AbortSeparated:
                Record(ProtocolRule.AbortTreatedAsSuccess, x.Site, x, detection, -1, block, entry);
                break;
        }
    }

    private void Record(ProtocolRule rule, int site, ProtocolElement x, Detection detection, int detectedAtSite, int block, ProtocolElement entry)
    {
        // The first witness of each kind wins, and a path that leaves the method explains best (then one that
        // reaches another ring, then one that replaces the doorbell): reports do not depend on which came first.
        var violation = new ProtocolViolation(rule, site, x.Key, detection, detectedAtSite, readId: x.ReadId);
        if (!_witnesses.TryGetValue(violation, out var known) || Rank(detection, violation) < Rank(known.Violation.Detection, known.Violation))
            _witnesses[violation] = new Witness(violation, block, entry, x);
    }

    private static int Rank(Detection detection, ProtocolViolation violation) => detection switch
    {
        Detection.Exit => 0,
        Detection.Ring when violation.DetectedAtSite != violation.Site => 1,
        Detection.Ring => 2,
        _ => 3,
    };

    private static long ReadKey(ProtocolElement element) => ((long)element.Key << 32) | (uint)element.ReadId;
}

/// <summary>A read (key and read id, <see cref="ProtocolAnalysis"/>'s read key) at the entry of a block.</summary>
internal readonly struct BlockRead : IEquatable<BlockRead>
{
    public BlockRead(int block, long read)
    {
        Block = block;
        Read = read;
    }

    public int Block { get; }

    public long Read { get; }

    public bool Equals(BlockRead other) => Block == other.Block && Read == other.Read;

    public override bool Equals(object? obj) => obj is BlockRead other && Equals(other);

    public override int GetHashCode() => unchecked(Read.GetHashCode() * 397 ^ Block);
}

using System;
using System.Collections.Generic;
using System.Threading;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>The rule a violation breaks (the numbers are the DBL IDs).</summary>
internal enum ProtocolRule
{
    RingWithoutStatusRead = 1,
    DisconnectNotRetried = 2,
    NotifyNotCalled = 3,
    AbortTreatedAsSuccess = 4,
    RingBeforeConnect = 5,

    /// <summary>Not a protocol rule: the analysis of a function stopped short and says so.</summary>
    AnalysisSkipped = 900,
}

/// <summary>Where a violation shows: at the normal end of the method, at the next ring, or where the doorbell is replaced.</summary>
internal enum Detection
{
    Exit,
    Ring,
    Replaced,
}

/// <summary>
/// One violation: a rule broken by the ring at <see cref="Site"/>, with what explains it: where it shows
/// (<see cref="Detection"/>, the ring it shows at), where the offending path leaves the method and which branch let the
/// status through (anchors the translator gave the blocks, -1 when none), and the inlined call it was detected in.
/// Two violations of one rule at one site are the same violation.
/// </summary>
internal readonly struct ProtocolViolation : IEquatable<ProtocolViolation>, IComparable<ProtocolViolation>
{
    public ProtocolViolation(ProtocolRule rule, int site, int key = -1, Detection detection = Detection.Exit, int detectedAtSite = -1, int detectedIn = 0, int leaveAnchor = -1, int branchAnchor = -1, int createdAtSite = -1)
    {
        CreatedAtSite = createdAtSite;
        Rule = rule;
        Site = site;
        Key = key;
        Detection = detection;
        DetectedAtSite = detectedAtSite;
        DetectedIn = detectedIn;
        LeaveAnchor = leaveAnchor;
        BranchAnchor = branchAnchor;
    }

    public ProtocolRule Rule { get; }

    public int Site { get; }

    public int Key { get; }

    public Detection Detection { get; }

    /// <summary>For <see cref="Detection.Ring"/>: the ring it shows at.</summary>
    public int DetectedAtSite { get; }

    /// <summary>The origin of the event it was detected at (an inlined call), 0 for the function's own code and its end.</summary>
    public int DetectedIn { get; }

    /// <summary>The anchor of the statement through which the offending path leaves the method.</summary>
    public int LeaveAnchor { get; }

    /// <summary>For DBL002-DBL004: the anchor of the last condition that let the status through.</summary>
    public int BranchAnchor { get; }

    /// <summary>For DBL005: the site that created the doorbell the path rings unconnected (-1 when unknown).</summary>
    public int CreatedAtSite { get; }

    public ProtocolViolation WithAnchors(int leaveAnchor, int branchAnchor, int createdAtSite = -1) =>
        new(Rule, Site, Key, Detection, DetectedAtSite, DetectedIn, leaveAnchor, branchAnchor, createdAtSite);

    public bool Equals(ProtocolViolation other) => Rule == other.Rule && Site == other.Site;

    public override bool Equals(object? obj) => obj is ProtocolViolation other && Equals(other);

    public override int GetHashCode() => ((int)Rule * 397) ^ Site;

    public int CompareTo(ProtocolViolation other) => Site != other.Site ? Site.CompareTo(other.Site) : Rule.CompareTo(other.Rule);

    public override string ToString() => "DBL00" + (int)Rule + "@" + Site;
}

/// <summary>Caps that keep one method's analysis cheap; past them the analysis gives up and says nothing.</summary>
internal readonly struct ProtocolBudget
{
    public ProtocolBudget(int maxBlocks, int maxSteps)
    {
        MaxBlocks = maxBlocks;
        MaxSteps = maxSteps;
    }

    public static ProtocolBudget Default => new(maxBlocks: 20_000, maxSteps: 2_000_000);

    public int MaxBlocks { get; }

    public int MaxSteps { get; }
}

/// <summary>Why the analysis of a function stopped short: then it reports nothing about that function (but DBL900).</summary>
internal enum GiveUpReason
{
    None,

    /// <summary>More blocks than <see cref="ProtocolBudget.MaxBlocks"/> (finally copies and inlined helpers included).</summary>
    TooManyBlocks,

    /// <summary>More steps than <see cref="ProtocolBudget.MaxSteps"/>.</summary>
    TooManySteps,

    /// <summary>More doorbells, ring sites, reads or holders than an element can number.</summary>
    TooManyNames,

    /// <summary>An expression nested deeper than the translator walks.</summary>
    TooDeep,

    /// <summary>An unexpected exception (a DoorbellGuard bug), swallowed so the user's build goes on.</summary>
    Failed,
}

/// <summary>The outcome for one method: the violations, or why it stopped short (<see cref="GiveUpReason"/>).</summary>
internal sealed class ProtocolResult
{
    public ProtocolResult(bool completed, IReadOnlyList<ProtocolViolation> violations, GiveUpReason reason = GiveUpReason.None)
    {
        Completed = completed;
        Violations = violations;
        Reason = reason;
    }

    public bool Completed { get; }

    public IReadOnlyList<ProtocolViolation> Violations { get; }

    public GiveUpReason Reason { get; }

    public static ProtocolResult GaveUp(GiveUpReason reason) => new(false, Array.Empty<ProtocolViolation>(), reason);
}

/// <summary>
/// Property simulation (ESP) of the doorbell protocol over a <see cref="ProtocolGraph"/>: sets of
/// <see cref="ProtocolElement"/> flow along the edges, each element on its own, to a fixpoint. Because every transfer
/// maps one element to a set of elements, the fixpoint answers "is there a path on which ..." exactly for the paths
/// of the model, and a worklist of new elements only (deltas) keeps loops cheap.
/// </summary>
internal static class ProtocolAnalysis
{
    private const byte ConnectedOrNotify = (1 << StatusMask.Connected) | (1 << StatusMask.ConnectedNotify);

    public static ProtocolResult Run(ProtocolGraph graph, ProtocolBudget budget, CancellationToken cancellationToken)
    {
        if (graph.Blocks.Count == 0)
            return new ProtocolResult(true, Array.Empty<ProtocolViolation>());
        if (graph.Blocks.Count > budget.MaxBlocks)
            return ProtocolResult.GaveUp(GiveUpReason.TooManyBlocks);
        if (graph.KeyCount > ProtocolElement.MaxKeys)
            return ProtocolResult.GaveUp(GiveUpReason.TooManyNames);

        var readIds = NumberReads(graph, out int readCount);
        if (readCount >= ProtocolElement.MaxReads || !IndicesFit(graph))
            return ProtocolResult.GaveUp(GiveUpReason.TooManyNames);

        // "Separated" abort is a property of blocks, not of edges: a block that only DisconnectedRetry or
        // DisconnectedAbort of a read can reach isolates the abort case. A first pass finds which statuses of each read
        // reach each block; the second pass marks abort elements entering such a block, and reports.
        Dictionary<BlockRead, byte>? statusesAtBlock = null;
        var steps = 0;
        // Without an edge that tests a status, every status of a read travels together and no block can isolate
        // the abort case: the first pass would find nothing, so it is skipped.
        if (readCount > 0 && HasStatusGuards(graph))
        {
            var first = new Simulation(graph, readIds, null, reporting: false, budget, cancellationToken);
            if (!first.Run(ref steps))
                return ProtocolResult.GaveUp(GiveUpReason.TooManySteps);
            statusesAtBlock = first.StatusesAtBlockEntry();
            first.Release();
        }

        var second = new Simulation(graph, readIds, statusesAtBlock, reporting: true, budget, cancellationToken);
        if (!second.Run(ref steps))
            return ProtocolResult.GaveUp(GiveUpReason.TooManySteps);
        var violations = second.ExplainedViolations();
        second.Release();
        violations.Sort();
        return new ProtocolResult(true, violations);
    }

    private static bool HasStatusGuards(ProtocolGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var edge in block.Edges)
            {
                if (edge.Holder >= 0 && edge.TakenWhen != StatusMask.All)
                    return true;
            }
        }

        return false;
    }

    private static int[][] NumberReads(ProtocolGraph graph, out int readCount)
    {
        var ids = new int[graph.Blocks.Count][];
        readCount = 0;
        for (var b = 0; b < graph.Blocks.Count; b++)
        {
            var events = graph.Blocks[b].Events;
            ids[b] = new int[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Kind == ProtocolEventKind.ReadStatus)
                    ids[b][i] = ++readCount;
            }
        }

        return ids;
    }

    private static bool IndicesFit(ProtocolGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var e in block.Events)
            {
                if (e.Key >= graph.KeyCount || e.Site >= ProtocolElement.MaxSites || e.Holder >= ProtocolElement.MaxHolders || e.SourceHolder >= ProtocolElement.MaxHolders)
                    return false;
            }

            foreach (var edge in block.Edges)
            {
                if (edge.Target >= graph.Blocks.Count || edge.Holder >= ProtocolElement.MaxHolders || edge.NullHolder >= ProtocolElement.MaxHolders)
                    return false;
            }

            var handlers = block.Handlers;
            for (var h = 0; h < handlers.Count; h++)
            {
                if (handlers[h] < 0 || handlers[h] >= graph.Blocks.Count)
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a condition's value for DisconnectedAbort differs from its value for each of Connected and
    /// ConnectedNotify that can still be the status here (<paramref name="present"/>): only those can be confused with it.
    /// </summary>
    internal static bool Separates(byte whenTrue, byte present)
    {
        var abort = StatusMask.Contains(whenTrue, StatusMask.DisconnectedAbort);
        return (!StatusMask.Contains(present, StatusMask.Connected) || abort != StatusMask.Contains(whenTrue, StatusMask.Connected))
            && (!StatusMask.Contains(present, StatusMask.ConnectedNotify) || abort != StatusMask.Contains(whenTrue, StatusMask.ConnectedNotify));
    }

    private static long ReadKey(ProtocolElement element) => ((long)element.Key << 32) | (uint)element.ReadId;

    /// <summary>One fixpoint run.</summary>
    private sealed class Simulation
    {
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
                        CheckEnd(current[j], b, entries[j], Detection.Exit, 0);
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
                case ProtocolEventKind.Distinguish:
                    output.Add(x.Phase == Phase.Read && x.Status == StatusMask.DisconnectedAbort && x.HasHolder(e.Holder) && Separates(e.Mask, StatusesHere(block, x)) ? x.WithAbortSeparated() : x);
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
                        CheckEnd(x, block, entry, Detection.Replaced, e.Origin);
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
                        Record(ProtocolRule.NotifyNotCalled, x.Site, x, Detection.Ring, ring, block, entry);
                        break;
                    case StatusMask.DisconnectedRetry when !x.RetryConnected:
                        Record(ProtocolRule.DisconnectNotRetried, x.Site, x, Detection.Ring, ring, block, entry);
                        break;
                    case StatusMask.DisconnectedAbort when !x.AbortSeparated:
                        Record(ProtocolRule.AbortTreatedAsSuccess, x.Site, x, Detection.Ring, ring, block, entry);
                        break;
                }
            }

            if (x.Connection == Connection.Disconnected)
                Record(ProtocolRule.RingBeforeConnect, ring.Site, x, Detection.Ring, ring, block, entry);
        }

        /// <summary>The method completes normally (or the doorbell is replaced): whatever is still owed is a violation.</summary>
        private void CheckEnd(ProtocolElement x, int block, ProtocolElement entry, Detection detection, int origin)
        {
            var at = new ProtocolEvent(ProtocolEventKind.Assign, x.Key, -1, -1, -1, false, StatusMask.All, origin);
            if (x.Phase == Phase.Pending)
            {
                Record(ProtocolRule.RingWithoutStatusRead, x.Site, x, detection, at, block, entry);
                return;
            }

            if (x.Phase != Phase.Read)
                return;
            switch (x.Status)
            {
                case StatusMask.ConnectedNotify when !x.Notified:
                    Record(ProtocolRule.NotifyNotCalled, x.Site, x, detection, at, block, entry);
                    break;
                case StatusMask.DisconnectedRetry:
                    Record(ProtocolRule.DisconnectNotRetried, x.Site, x, detection, at, block, entry);
                    break;
                case StatusMask.DisconnectedAbort when !x.AbortSeparated:
                    Record(ProtocolRule.AbortTreatedAsSuccess, x.Site, x, detection, at, block, entry);
                    break;
            }
        }

        private void Record(ProtocolRule rule, int site, ProtocolElement x, Detection detection, ProtocolEvent at, int block, ProtocolElement entry)
        {
            // The first witness of each kind wins, and a path that leaves the method explains best (then one that
            // reaches another ring, then one that replaces the doorbell): reports do not depend on which came first.
            var violation = new ProtocolViolation(rule, site, x.Key, detection, detection == Detection.Ring ? at.Site : -1, at.Origin);
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

        /// <summary>Each violation with the path that explains it: where it leaves the method, and the branch that let the status through.</summary>
        public List<ProtocolViolation> ExplainedViolations()
        {
            var result = new List<ProtocolViolation>(_witnesses.Count);
            foreach (var witness in _witnesses.Values)
                result.Add(Explain(witness));
            return result;
        }

        private ProtocolViolation Explain(Witness witness)
        {
            var violation = witness.Violation;
            if (violation.Rule == ProtocolRule.RingBeforeConnect)
                return violation.WithAnchors(-1, -1, CreationOnThePath(witness));
            var leave = -1;
            var branch = -1;
            var lookForBranch = violation.Rule is ProtocolRule.DisconnectNotRetried or ProtocolRule.NotifyNotCalled or ProtocolRule.AbortTreatedAsSuccess;
            var block = witness.Block;
            var entry = witness.Entry;
            for (var guard = 0; guard < _graph.Blocks.Count * 4 && block >= 0; guard++)
            {
                if (!_seen.TryGetOrigin(block, entry, out var parentBlock, out var parentEntry) || parentBlock < 0)
                    break;
                var from = _graph.Blocks[parentBlock];
                if (violation.Detection == Detection.Exit && leave < 0 && from.LeaveAnchor >= 0)
                    leave = from.LeaveAnchor;
                if (lookForBranch && branch < 0 && from.ConditionAnchor >= 0 && TestedOnTheWay(from, block, entry, witness.Element))
                    branch = from.ConditionAnchor;
                if ((leave >= 0 || violation.Detection != Detection.Exit) && (branch >= 0 || !lookForBranch))
                    break;
                if (entry.Phase != Phase.Read && lookForBranch)
                    lookForBranch = branch >= 0 ? lookForBranch : false; // back past the read: no branch tested this status
                block = parentBlock;
                entry = parentEntry;
            }

            return violation.WithAnchors(leave, branch);
        }

        /// <summary>
        /// The creation of the doorbell a DBL005 path rings: the last creation of its key before the ring in the ring's
        /// block, else the last one in the blocks the path came through, nearest first.
        /// </summary>
        private int CreationOnThePath(Witness witness)
        {
            var key = witness.Violation.Key;
            var events = _graph.Blocks[witness.Block].Events;
            var before = events.FindIndex(e => e.Kind == ProtocolEventKind.Ring && e.Key == key && e.Site == witness.Violation.Site);
            var found = LastCreation(events, key, before < 0 ? events.Count : before);
            var block = witness.Block;
            var entry = witness.Entry;
            for (var guard = 0; found < 0 && guard < _graph.Blocks.Count * 4; guard++)
            {
                if (!_seen.TryGetOrigin(block, entry, out var parentBlock, out var parentEntry) || parentBlock < 0)
                    break;
                block = parentBlock;
                entry = parentEntry;
                found = LastCreation(_graph.Blocks[block].Events, key, _graph.Blocks[block].Events.Count);
            }

            return found;
        }

        private static int LastCreation(List<ProtocolEvent> events, int key, int end)
        {
            for (var i = end - 1; i >= 0; i--)
            {
                if (events[i].Kind == ProtocolEventKind.Assign && events[i].Key == key)
                    return events[i].Created ? events[i].Site : -1;
            }

            return -1;
        }

        /// <summary>Whether the edge from <paramref name="from"/> to <paramref name="to"/> tested the status the violation is about.</summary>
        private static bool TestedOnTheWay(ProtocolBlock from, int to, ProtocolElement entry, ProtocolElement element)
        {
            if (entry.Phase != Phase.Read || entry.ReadId != element.ReadId || entry.Key != element.Key)
                return false;
            foreach (var edge in from.Edges)
            {
                if (edge.Target == to && edge.Holder >= 0 && edge.TakenWhen != StatusMask.All && entry.HasHolder(edge.Holder))
                    return true;
            }

            return false;
        }
    }
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

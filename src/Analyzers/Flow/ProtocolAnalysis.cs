using System;
using System.Collections.Generic;
using System.Threading;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>
/// Property simulation (ESP) of the doorbell protocol over a <see cref="ProtocolGraph"/>: sets of
/// <see cref="ProtocolElement"/> flow along the edges, each element on its own, to a fixpoint. Because every transfer
/// maps one element to a set of elements, the fixpoint answers "is there a path on which ..." exactly for the paths
/// of the model, and a worklist of new elements only (deltas) keeps loops cheap.
/// </summary>
internal static class ProtocolAnalysis
{
    /// <summary>The violations of <paramref name="graph"/>, explained; with <paramref name="reported"/>, only those it keeps.</summary>
    public static ProtocolResult Run(ProtocolGraph graph, ProtocolBudget budget, CancellationToken cancellationToken, Func<ProtocolViolation, bool>? reported = null)
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
            try
            {
                if (!first.Run(ref steps))
                    return ProtocolResult.GaveUp(GiveUpReason.TooManySteps);
                statusesAtBlock = first.StatusesAtBlockEntry();
            }
            finally
            {
                // Also when the budget or a cancellation ends the run: the thread keeps its table for the next method.
                first.Release();
            }
        }

        var second = new Simulation(graph, readIds, statusesAtBlock, reporting: true, budget, cancellationToken);
        List<ProtocolViolation> violations;
        try
        {
            if (!second.Run(ref steps))
                return ProtocolResult.GaveUp(GiveUpReason.TooManySteps);
            violations = second.ExplainedViolations(reported);
        }
        finally
        {
            second.Release();
        }

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

    /// <summary>The read numbered <paramref name="readId"/> (in the order <see cref="NumberReads"/> numbers them); null when there is none.</summary>
    public static ProtocolEvent? ReadEvent(ProtocolGraph graph, int readId)
    {
        var count = 0;
        foreach (var block in graph.Blocks)
        {
            foreach (var e in block.Events)
            {
                if (e.Kind == ProtocolEventKind.ReadStatus && ++count == readId)
                    return e;
            }
        }

        return null;
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
                if (e.Kind is ProtocolEventKind.DerivedSet or ProtocolEventKind.DerivedFromStatus or ProtocolEventKind.DerivedFromDerived &&
                    (e.Holder < 0 || e.Holder >= DerivedValues.MaxVariables || (e.Kind == ProtocolEventKind.DerivedFromDerived && e.SourceHolder >= DerivedValues.MaxVariables)))
                    return false;
            }

            foreach (var edge in block.Edges)
            {
                if (edge.Target >= graph.Blocks.Count || edge.Holder >= ProtocolElement.MaxHolders || edge.NullHolder >= ProtocolElement.MaxHolders || edge.DerivedVariable >= DerivedValues.MaxVariables)
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

}

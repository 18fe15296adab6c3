using System;
using System.Collections.Generic;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>The reporting run's account of each violation: the path that commits it, walked back from its witness.</summary>
internal sealed partial class Simulation
{
    /// <summary>
    /// Each violation <paramref name="reported"/> keeps (every one when null) with the path that explains it: where it
    /// leaves the method, and the branch that let the status through. A violation nobody reports is not explained.
    /// </summary>
    public List<ProtocolViolation> ExplainedViolations(Func<ProtocolViolation, bool>? reported = null)
    {
        var result = new List<ProtocolViolation>(_witnesses.Count);
        foreach (var witness in _witnesses.Values)
        {
            if (reported is null || reported(witness.Violation))
                result.Add(Explain(witness));
        }

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
            if (entry.Phase != Phase.Read && branch < 0)
                lookForBranch = false; // back past the read: no branch tested this status
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

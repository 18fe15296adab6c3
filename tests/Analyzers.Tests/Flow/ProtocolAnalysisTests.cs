using System;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;

namespace DoorbellGuard.Analyzers.Tests.Flow;

/// <summary>The protocol analysis on hand-built models, without Roslyn.</summary>
public class ProtocolAnalysisTests
{
    private const byte C = 1 << StatusMask.Connected, N = 1 << StatusMask.ConnectedNotify, R = 1 << StatusMask.DisconnectedRetry, A = 1 << StatusMask.DisconnectedAbort;

    /// <summary>Builds a graph: blocks[i] is (events, edges); the last block is the normal exit.</summary>
    private static ProtocolGraph Graph(int keys, params (ProtocolEvent[] Events, ProtocolEdge[] Edges)[] blocks)
    {
        var graph = new ProtocolGraph { KeyCount = keys };
        foreach (var (events, edges) in blocks)
        {
            var block = graph.AddBlock();
            block.Events.AddRange(events);
            block.Edges.AddRange(edges);
            block.CanSeparate = true; // a hand-built block stands for the user's code unless a test says otherwise
        }

        graph.Blocks[^1].IsNormalExit = true;
        graph.Blocks[^1].CanSeparate = false;
        return graph;
    }

    private static (ProtocolEvent[], ProtocolEdge[]) Block(ProtocolEvent[] events, params ProtocolEdge[] edges) => (events, edges);

    private static ProtocolEdge To(int target, int holder = -1, byte when = StatusMask.All) => new(target, holder, when);

    private static string[] Run(ProtocolGraph graph) =>
        ProtocolAnalysis.Run(graph, ProtocolBudget.Default, CancellationToken.None).Violations.Select(v => v.ToString()).ToArray();

    private static readonly ProtocolEvent[] None = Array.Empty<ProtocolEvent>();

    [Fact]
    public void Ring_reaching_the_exit_is_dbl001_at_its_site()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 7) }, To(1)),
            Block(None));
        Assert.Equal(new[] { "DBL001@7" }, Run(graph));
    }

    [Fact]
    public void Only_the_violations_kept_for_reporting_are_explained_and_returned()
    {
        var graph = Graph(2,
            Block(new[] { ProtocolEvent.Ring(0, 3), ProtocolEvent.Ring(1, 5) }, To(1)),
            Block(None));
        graph.Blocks[0].LeaveAnchor = 9;
        var offered = new System.Collections.Generic.List<string>();
        var kept = ProtocolAnalysis.Run(graph, ProtocolBudget.Default, CancellationToken.None, v =>
        {
            offered.Add(v.ToString());
            return v.Site == 5;
        }).Violations;
        Assert.Equal(new[] { "DBL001@3", "DBL001@5" }, offered.OrderBy(o => o, StringComparer.Ordinal));
        var violation = Assert.Single(kept);
        Assert.Equal(5, violation.Site);
        Assert.Equal(9, violation.LeaveAnchor); // the one kept is explained

        // Without a filter, both are.
        Assert.Equal(new[] { 9, 9 }, ProtocolAnalysis.Run(graph, ProtocolBudget.Default, CancellationToken.None).Violations.Select(v => v.LeaveAnchor));
    }

    [Fact]
    public void Only_the_last_of_two_rings_without_a_read_carries_the_obligation()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.Ring(0, 1) }, To(1)),
            Block(None));
        Assert.Equal(new[] { "DBL001@1" }, Run(graph));
    }

    [Fact]
    public void Discarded_read_leaves_retry_notify_and_abort_open()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, -1) }, To(1)),
            Block(None));
        Assert.Equal(new[] { "DBL002@0", "DBL003@0", "DBL004@0" }, Run(graph));
    }

    [Fact]
    public void Every_status_handled_on_its_own_branch_is_clean()
    {
        // B0 ring+read into h0; B1 abort branch; B2 notify; B3 retry: connect and recursive ring; B4 exit.
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0) }, To(1, 0, A), To(2, 0, C | N | R)),
            Block(None, To(4)),
            Block(new[] { ProtocolEvent.Notify(0) }, To(3, 0, R), To(4, 0, C | N)),
            Block(new[] { ProtocolEvent.Connect(0), ProtocolEvent.RecursiveRing(0, 1) }, To(4)),
            Block(None));
        Assert.Empty(Run(graph));
    }

    [Fact]
    public void Loop_exit_shared_with_connected_does_not_separate_abort()
    {
        // while (s == Retry) { connect; ring; s = read; }  then exit: abort leaves through the same block as connected.
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0) }, To(1)),
            Block(None, To(2, 0, R), To(3, 0, C | N | A)),
            Block(new[] { ProtocolEvent.Connect(0), ProtocolEvent.Ring(0, 1), ProtocolEvent.ReadStatus(0, 0) }, To(1)),
            Block(new[] { ProtocolEvent.Notify(0) }, To(4)),
            Block(None));
        Assert.Equal(new[] { "DBL004@0", "DBL004@1" }, Run(graph));
    }

    [Fact]
    public void A_block_only_retry_and_abort_reach_separates_abort()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0) }, To(1, 0, C | N), To(2, 0, R | A)),
            Block(new[] { ProtocolEvent.Notify(0) }, To(4)),
            Block(None, To(3, 0, R), To(4, 0, A)),
            Block(new[] { ProtocolEvent.Connect(0), ProtocolEvent.RecursiveRing(0, 1) }, To(4)),
            Block(None));
        Assert.Empty(Run(graph));
    }

    [Fact]
    public void A_block_without_code_only_abort_reaches_does_not_separate_it()
    {
        // if (s == Abort) return;  inside a lock: the return goes through a copy of the finally, which no other status takes.
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.Notify(0) }, To(1, 0, A), To(2, 0, C | N | R)),
            Block(None, To(3)),
            Block(new[] { ProtocolEvent.Connect(0), ProtocolEvent.RecursiveRing(0, 1) }, To(3)),
            Block(None));
        Assert.Empty(Run(graph));
        graph.Blocks[1].CanSeparate = false;
        Assert.Equal(new[] { "DBL004@0" }, Run(graph));
    }

    [Fact]
    public void Connect_ends_the_abort_path_and_readies_the_retry()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.Notify(0) }, To(1, 0, C | N), To(2, 0, R | A)),
            Block(None, To(3)),
            Block(new[] { ProtocolEvent.Connect(0), ProtocolEvent.Ring(0, 1), ProtocolEvent.ReadStatus(0, -1) }, To(3)),
            Block(None));
        // Only the second ring's discarded read is open; the first ring's abort ended at Connect.
        Assert.Equal(new[] { "DBL002@1", "DBL003@1", "DBL004@1" }, Run(graph));
    }

    [Fact]
    public void Ringing_again_reports_what_the_previous_read_left_open()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.Ring(0, 1), ProtocolEvent.Complete(0) }, To(1)),
            Block(None));
        Assert.Equal(new[] { "DBL002@0", "DBL003@0", "DBL004@0" }, Run(graph));
    }

    [Fact]
    public void Tests_on_another_holder_do_not_narrow()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.HolderClear(1) }, To(1, 1, C), To(2, 1, N | R | A)),
            Block(None, To(2)),
            Block(None));
        Assert.Equal(new[] { "DBL002@0", "DBL003@0", "DBL004@0" }, Run(graph));
    }

    [Fact]
    public void Copied_holder_narrows_and_escaped_holder_owes_nothing()
    {
        var copied = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.HolderCopy(3, 0), ProtocolEvent.HolderClear(0) }, To(1, 3, C), To(2, 3, N | R | A)),
            Block(None, To(3)),
            Block(None),
            Block(None));
        Assert.Empty(Run(copied)); // N, R, A go to a block with no way out: no normal exit

        var escaped = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 2), ProtocolEvent.HolderEscape(2) }, To(1)),
            Block(None));
        Assert.Empty(Run(escaped));
    }

    [Fact]
    public void Distinguishing_abort_in_a_value_separates_it()
    {
        var separates = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.Notify(0), ProtocolEvent.Distinguish(0, C | N | R) }, To(1, 0, C | N | A)),
            Block(None));
        Assert.Empty(Run(separates));

        var sharesWithNotify = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0), ProtocolEvent.Notify(0), ProtocolEvent.Distinguish(0, C) }, To(1, 0, C | N | A)),
            Block(None));
        Assert.Equal(new[] { "DBL004@0" }, Run(sharesWithNotify));
    }

    [Fact]
    public void Handler_entries_start_owing_nothing_and_their_own_rings_are_checked()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0) }, To(-1)),
            Block(new[] { ProtocolEvent.Ring(0, 1) }, To(2)),
            Block(None));
        graph.Blocks[1].IsHandlerEntry = true;
        Assert.Equal(new[] { "DBL001@1" }, Run(graph));
    }

    [Fact]
    public void Created_doorbell_must_be_connected_before_its_first_ring()
    {
        var graph = Graph(2,
            Block(new[] { ProtocolEvent.Assign(0, created: true), ProtocolEvent.Assign(1, created: true), ProtocolEvent.Connect(1) }, To(1), To(2)),
            Block(new[] { ProtocolEvent.Connect(0) }, To(2)),
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.Ring(1, 1), ProtocolEvent.Complete(0), ProtocolEvent.Complete(1) }, To(3)),
            Block(None));
        Assert.Equal(new[] { "DBL005@0" }, Run(graph));
    }

    [Fact]
    public void Assigning_a_new_value_ends_the_old_doorbell_s_obligations()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.Assign(0, created: false), ProtocolEvent.ReadStatus(0, -1) }, To(1)),
            Block(None));
        Assert.Equal(new[] { "DBL001@0" }, Run(graph));
    }

    [Fact]
    public void Havoc_forgets_everything()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.Havoc(0) }, To(1)),
            Block(None));
        Assert.Empty(Run(graph));
    }

    [Fact]
    public void Loops_reach_a_fixpoint()
    {
        // for (;;) { ring; read; if (retry) connect; } with a way out only for connected.
        var graph = Graph(1,
            Block(None, To(1)),
            Block(new[] { ProtocolEvent.Ring(0, 0), ProtocolEvent.ReadStatus(0, 0) }, To(2, 0, R), To(3, 0, C | N), To(-1, 0, A)),
            Block(new[] { ProtocolEvent.Connect(0) }, To(1)),
            Block(new[] { ProtocolEvent.Notify(0) }, To(4)),
            Block(None));
        Assert.Empty(Run(graph));
    }

    [Fact]
    public void Budget_exceeded_gives_up_silently()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0) }, To(1)),
            Block(None));
        var result = ProtocolAnalysis.Run(graph, new ProtocolBudget(maxBlocks: 1, maxSteps: 100), CancellationToken.None);
        Assert.False(result.Completed);
        Assert.Empty(result.Violations);

        result = ProtocolAnalysis.Run(graph, new ProtocolBudget(maxBlocks: 10, maxSteps: 0), CancellationToken.None);
        Assert.False(result.Completed);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(0, 0) }, To(1)),
            Block(None));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => ProtocolAnalysis.Run(graph, ProtocolBudget.Default, cancelled.Token));
    }

    [Fact]
    public void Out_of_range_indices_give_up_instead_of_throwing()
    {
        var graph = Graph(1,
            Block(new[] { ProtocolEvent.Ring(5, 0) }, To(9)),
            Block(None));
        Assert.False(ProtocolAnalysis.Run(graph, ProtocolBudget.Default, CancellationToken.None).Completed);
    }
}

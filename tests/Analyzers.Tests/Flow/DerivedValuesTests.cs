using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;

namespace DoorbellGuard.Analyzers.Tests.Flow;

/// <summary>The derived-variable word and tables, and the simulation filtering paths by a derived variable's value.</summary>
public class DerivedValuesTests
{
    private const int False = 1, True = 2;

    [Fact]
    public void Each_variable_keeps_its_own_four_bits()
    {
        var values = DerivedValues.Set(0, 0, 3);
        values = DerivedValues.Set(values, 7, 15);
        values = DerivedValues.Set(values, 0, 5);
        Assert.Equal(5, DerivedValues.Get(values, 0));
        Assert.Equal(15, DerivedValues.Get(values, 7));
        Assert.Equal(0, DerivedValues.Get(values, 3));
    }

    [Fact]
    public void Tables_map_statuses_and_codes_and_keep_unknown_unknown()
    {
        var statuses = DerivedValues.WithEntry(0, StatusMask.DisconnectedRetry, True);
        Assert.Equal(True, DerivedValues.StatusTable(statuses, StatusMask.DisconnectedRetry));
        Assert.Equal(0, DerivedValues.StatusTable(statuses, StatusMask.Connected));

        var negation = DerivedValues.WithEntry(DerivedValues.WithEntry(0, False, True), True, False);
        Assert.Equal(False, DerivedValues.CodeTable(negation, True));
        Assert.Equal(0, DerivedValues.CodeTable(negation, 0));
    }

    [Fact]
    public void An_unknown_value_takes_both_edges_and_a_known_one_only_its_own()
    {
        const ushort whenTrue = 1 << True;
        Assert.True(DerivedValues.Allows(whenTrue, True));
        Assert.False(DerivedValues.Allows(whenTrue, False));
        Assert.True(DerivedValues.Allows(whenTrue, 0));
        Assert.True(DerivedValues.Allows(DerivedValues.Complement(whenTrue), False));
        Assert.False(DerivedValues.Allows(DerivedValues.Complement(whenTrue), True));
    }

    [Fact]
    public void A_flag_of_the_retry_status_keeps_retry_out_of_the_other_branch()
    {
        // ring; s = read; reconnect = s == Retry; if (reconnect) { connect; loop } else { notify; exit }
        Assert.Equal(new[] { "DBL004@0" }, Run(RetryFlag(forget: false)));
    }

    [Fact]
    public void A_flag_forgotten_before_its_test_lets_every_status_through()
    {
        Assert.Equal(new[] { "DBL002@0", "DBL003@0", "DBL004@0" }, Run(RetryFlag(forget: true)));
    }

    private static ProtocolGraph RetryFlag(bool forget)
    {
        var table = 0UL;
        for (var status = 0; status < 4; status++)
            table = DerivedValues.WithEntry(table, status, status == StatusMask.DisconnectedRetry ? True : False);
        var graph = new ProtocolGraph { KeyCount = 1 };
        var test = graph.AddBlock();
        test.Events.Add(ProtocolEvent.Ring(0, 0));
        test.Events.Add(ProtocolEvent.ReadStatus(0, 0));
        test.Events.Add(ProtocolEvent.DerivedFromStatus(0, 0, table));
        if (forget)
            test.Events.Add(ProtocolEvent.DerivedSet(0, 0));
        test.Edges.Add(new ProtocolEdge(1, derivedVariable: 0, derivedTakenWhen: 1 << True));
        test.Edges.Add(new ProtocolEdge(2, derivedVariable: 0, derivedTakenWhen: DerivedValues.Complement(1 << True)));
        var reconnect = graph.AddBlock();
        reconnect.Events.Add(ProtocolEvent.Connect(0));
        reconnect.Edges.Add(new ProtocolEdge(0));
        var done = graph.AddBlock();
        done.Events.Add(ProtocolEvent.Notify(0));
        done.Edges.Add(new ProtocolEdge(3));
        graph.AddBlock().IsNormalExit = true;
        return graph;
    }

    private static string[] Run(ProtocolGraph graph) =>
        ProtocolAnalysis.Run(graph, ProtocolBudget.Default, CancellationToken.None).Violations.Select(v => v.ToString()).OrderBy(v => v, System.StringComparer.Ordinal).ToArray();
}

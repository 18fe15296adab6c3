using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>
/// The text index that lets a method which names no ring member, and no helper that may ring, be passed over: whole
/// identifiers only, helpers followed to their callers only when their callers answer for them, and never narrower
/// than the analysis (an indexer, too many names: everything may ring).
/// </summary>
public class RingNameIndexTests
{
    private static readonly string[] Ring = ["Ring"];

    private static List<TreeText> Sources(params SyntaxTree[] trees) => RingNameIndex.ReadSources(trees, CancellationToken.None);

    [Theory]
    [InlineData("d.Ring(1);", true)]
    [InlineData("d?.Ring(1);", true)]
    [InlineData("d.@Ring(1);", true)]
    [InlineData("Action<ulong> ring = d.Ring;", true)]
    [InlineData("var s = new String('x', 2);", false)]
    [InlineData("RingBuffer.Clear();", false)]
    [InlineData("_ring.Clear();", false)]
    [InlineData("d.Ringing();", false)]
    [InlineData("var r = Ring2;", false)]
    public void Only_the_whole_identifier_counts(string statement, bool found)
    {
        var hits = new List<(int Position, string Name)>();
        new IdentifierNames(Ring).FindIn(statement, hits);
        Assert.Equal(found, hits.Count > 0);
    }

    [Theory]
    [InlineData("[DoorbellRing] void Kick() { }", true)]
    [InlineData("[DoorbellRingAttribute] void Kick() { }", true)]
    [InlineData("[Contoso.DoorbellRing] void Kick() { }", true)]
    [InlineData("[DoorbellRingAttributes] void Kick() { }", false)]
    [InlineData("[DoorbellRings] void Kick() { }", false)]
    public void The_attribute_is_found_with_or_without_its_suffix(string member, bool found)
    {
        var hits = new List<(int Position, string Name)>();
        new IdentifierNames(["DoorbellRing", "DoorbellRingAttribute"]).FindIn(member, hits);
        Assert.Equal(found, hits.Count > 0);
    }

    [Fact]
    public void A_method_that_names_no_ring_is_passed_over_and_one_that_does_is_not()
    {
        var tree = Parse("""
            class C
            {
                void Quiet(Ledger l) { l.Add(1); }
                void Rings(Doorbell d) { d.Ring(1); }
            }
            """);

        var index = RingNameIndex.Build(Sources(tree), Ring, [], helperDepth: 3, CancellationToken.None);

        Assert.False(index.MayRing(tree, SpanOf(tree, "void Quiet")));
        Assert.True(index.MayRing(tree, SpanOf(tree, "void Rings")));
    }

    [Fact]
    public void A_tree_without_any_name_has_nothing_that_rings()
    {
        var quiet = Parse("class Q { void Log() { System.Console.WriteLine(1); } }");
        var rings = Parse("class R { void Submit(Doorbell d) => d.Ring(1); }");

        var index = RingNameIndex.Build(Sources(quiet, rings), Ring, [], helperDepth: 3, CancellationToken.None);

        Assert.False(index.MayRing(quiet, new TextSpan(0, quiet.Length)));
        Assert.True(index.MayRing(rings, new TextSpan(0, rings.Length)));
    }

    [Theory]
    [InlineData(1, new[] { "Kick", "Ring" }, new[] { false, false, false })]
    [InlineData(2, new[] { "Kick", "KickTwice", "Ring" }, new[] { true, false, false })]
    [InlineData(3, new[] { "Deeper", "Kick", "KickTwice", "One", "Ring" }, new[] { true, true, false })]
    public void Callers_of_helpers_that_leave_the_ring_to_them_are_found_across_trees_to_the_depth_followed(int depth, string[] names, bool[] callersFound)
    {
        var helpers = Parse("""
            static class Helpers
            {
                private static void Kick(Doorbell d) => d.Ring(1);
                internal static void KickTwice(Doorbell d) { Kick(d); Kick(d); }
                internal static void Deeper(Doorbell d) => KickTwice(d);
                internal static void Deepest(Doorbell d) => Deeper(d);
            }
            """);
        var callers = Parse("""
            class Callers
            {
                void One(Doorbell d) => Helpers.KickTwice(d);
                void Two(Doorbell d) => Helpers.Deeper(d);
                void Four(Doorbell d) => Helpers.Deepest(d);
            }
            """);

        var index = RingNameIndex.Build(Sources(helpers, callers), Ring, [], helperDepth: depth, CancellationToken.None);

        // One calls a helper two calls from the ring, Two one three calls away, Four one four calls away.
        Assert.Equal(names, index.Names.Order());
        Assert.Equal(callersFound, new[] { "void One", "void Two", "void Four" }.Select(m => index.MayRing(callers, SpanOf(callers, m))));
    }

    [Fact]
    public void A_public_helper_of_a_public_type_answers_for_itself_and_its_callers_are_not_searched()
    {
        var tree = Parse("""
            public sealed class Engine
            {
                public void Kick(Doorbell d) => d.Ring(1);
                protected internal void Nudge(Doorbell d) => d.Ring(2);
                private protected void Tap(Doorbell d) => d.Ring(3);
                public void Caller(Doorbell d) { Kick(d); }
            }

            sealed class Hidden
            {
                public void Knock(Doorbell d) => d.Ring(4);
            }
            """);

        var index = RingNameIndex.Build(Sources(tree), Ring, [], helperDepth: 3, CancellationToken.None);

        Assert.Equal(["Knock", "Ring", "Tap"], index.Names.Order());
        Assert.False(index.MayRing(tree, SpanOf(tree, "public void Caller")));
    }

    [Fact]
    public void A_creation_is_searched_but_not_followed_to_callers()
    {
        var tree = Parse("""
            class C
            {
                private Doorbell Make(HardwareQueue q) => q.CreateDoorbell();
                void Use(HardwareQueue q) { var d = Make(q); }
            }
            """);

        var index = RingNameIndex.Build(Sources(tree), Ring, ["CreateDoorbell"], helperDepth: 3, CancellationToken.None);

        Assert.True(index.MayRing(tree, SpanOf(tree, "private Doorbell Make")));
        Assert.False(index.MayRing(tree, SpanOf(tree, "void Use")));
    }

    [Fact]
    public void Too_many_helper_names_give_up_narrowing()
    {
        var members = string.Join("\n", Enumerable.Range(0, RingNameIndex.MaxNames + 1).Select(i => $"    private void H{i}(Doorbell d) => d.Ring({i});"));
        var tree = Parse("class C\n{\n" + members + "\n    void Quiet() { }\n}\n");

        var index = RingNameIndex.Build(Sources(tree), Ring, [], helperDepth: 3, CancellationToken.None);

        Assert.Same(RingNameIndex.Everything, index);
        Assert.True(index.MayRing(tree, SpanOf(tree, "void Quiet")));
    }

    [Fact]
    public void No_ring_names_known_means_everything_may_ring()
    {
        var tree = Parse("class C { void Quiet() { } }");

        var index = RingNameIndex.Build(Sources(tree), ringNames: null, [], helperDepth: 3, CancellationToken.None);

        Assert.True(index.MayRing(tree, new TextSpan(0, tree.Length)));
        Assert.True(index.MayBeRingMember("Quiet"));
    }

    [Fact]
    public void Attributed_members_are_named_by_what_callers_write()
    {
        var tree = Parse("""
            class Engine
            {
                [DoorbellRing] public void Kick(ulong v) { }
                public ulong Tail { get; [DoorbellRingAttribute] set; }
                [Contoso.DoorbellRing] public ulong Head { get; set; }
            }
            """);

        Assert.Equal(["Head", "Kick", "Tail"], RingNameIndex.AttributedRingNames(Sources(tree), CancellationToken.None)!.Order());
    }

    [Fact]
    public void An_attributed_indexer_cannot_be_found_by_name()
    {
        var tree = Parse("class Engine { public ulong this[int i] { get => 0; [DoorbellRing] set { } } }");

        Assert.Null(RingNameIndex.AttributedRingNames(Sources(tree), CancellationToken.None));
    }

    [Fact]
    public void Doorbell_addresses_are_found_in_the_same_pass_and_kept_apart_from_the_rings()
    {
        var tree = Parse("""
            class C
            {
                void Quiet(ulong* p) { *p = 1; }
                void Raw(Create c, ulong wp) { *(ulong*)c.DoorbellCPUVirtualAddress = wp; }
                void Rings(Doorbell d) { d.Ring(1); }
            }
            """);
        string[] addresses = ["DoorbellCPUVirtualAddress", "DoorbellSecondaryCPUVirtualAddress"];

        var index = RingNameIndex.Build(Sources(tree), Ring, [], helperDepth: 3, CancellationToken.None, addresses);

        Assert.False(index.MayNameDoorbellAddress(tree, SpanOf(tree, "void Quiet")));
        Assert.True(index.MayNameDoorbellAddress(tree, SpanOf(tree, "void Raw")));
        Assert.False(index.MayNameDoorbellAddress(tree, SpanOf(tree, "void Rings")));
        Assert.False(index.MayRing(tree, SpanOf(tree, "void Raw")));
        Assert.True(index.MayRing(tree, SpanOf(tree, "void Rings")));

        // An indexer rings (no ring names): rings are not narrowed, the addresses still are.
        var everything = RingNameIndex.Build(Sources(tree), ringNames: null, [], helperDepth: 3, CancellationToken.None, addresses);
        Assert.True(everything.MayRing(tree, SpanOf(tree, "void Quiet")));
        Assert.False(everything.MayNameDoorbellAddress(tree, SpanOf(tree, "void Quiet")));
        Assert.True(everything.MayNameDoorbellAddress(tree, SpanOf(tree, "void Raw")));
    }

    private static SyntaxTree Parse(string text) => CSharpSyntaxTree.ParseText(text);

    /// <summary>The span of the member whose text starts with <paramref name="start"/>.</summary>
    private static TextSpan SpanOf(SyntaxTree tree, string start)
    {
        var at = tree.GetText().ToString().IndexOf(start, System.StringComparison.Ordinal);
        Assert.True(at >= 0, start + " not in the tree");
        var member = tree.GetRoot().FindToken(at).Parent!.AncestorsAndSelf().First(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax);
        return member.Span;
    }
}

using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;

namespace DoorbellGuard.Analyzers.Tests.Flow;

/// <summary>
/// The simulation's table of what arrived where: each pair once with its origin, in the order added, through growth, and
/// empty again when a thread takes it for its next run.
/// </summary>
public class SeenElementsTests
{
    private static ProtocolElement Element(int key, uint holders = 0) => ProtocolElement.Start(key).WithHolders(holders);

    [Fact]
    public void A_pair_is_added_once_and_keeps_its_first_origin()
    {
        var seen = SeenElements.Rent(4);

        Assert.True(seen.TryAdd(3, Element(1), fromBlock: 2, fromEntry: Element(7)));
        Assert.False(seen.TryAdd(3, Element(1), fromBlock: 9, fromEntry: Element(8)));

        Assert.True(seen.TryGetOrigin(3, Element(1), out var fromBlock, out var fromEntry));
        Assert.Equal(2, fromBlock);
        Assert.Equal(Element(7), fromEntry);
        Assert.Equal(1, seen.Count);
        seen.Return();
    }

    [Fact]
    public void The_same_element_in_another_block_or_with_other_holders_is_another_pair()
    {
        var seen = SeenElements.Rent(4);

        Assert.True(seen.TryAdd(1, Element(5), -1, default));
        Assert.True(seen.TryAdd(2, Element(5), 1, Element(5)));
        Assert.True(seen.TryAdd(1, Element(5, holders: 0b10), 0, Element(5)));

        Assert.False(seen.TryGetOrigin(3, Element(5), out _, out _));
        Assert.Equal(3, seen.Count);
        seen.Return();
    }

    [Fact]
    public void Growth_keeps_every_pair_its_origin_and_the_order_they_came_in()
    {
        var seen = SeenElements.Rent(1);
        var added = new List<(int Block, ProtocolElement Element)>();
        for (var i = 0; i < 5_000; i++)
        {
            var pair = (Block: i % 37, Element: Element(i % 4000, holders: (uint)(i / 4000)));
            Assert.True(seen.TryAdd(pair.Block, pair.Element, fromBlock: i, fromEntry: Element(i % 11)));
            added.Add(pair);
        }

        Assert.Equal(added.Count, seen.Count);
        for (var i = 0; i < added.Count; i++)
        {
            Assert.Equal(added[i], seen[i]);
            Assert.True(seen.TryGetOrigin(added[i].Block, added[i].Element, out var fromBlock, out var fromEntry));
            Assert.Equal(i, fromBlock);
            Assert.Equal(Element(i % 11), fromEntry);
        }

        seen.Return();
    }

    [Fact]
    public void A_table_taken_again_by_the_thread_is_empty()
    {
        var first = SeenElements.Rent(8);
        first.TryAdd(1, Element(1), -1, default);
        first.Return();

        var second = SeenElements.Rent(8);

        Assert.Same(first, second);
        Assert.Equal(0, second.Count);
        Assert.False(second.TryGetOrigin(1, Element(1), out _, out _));
        Assert.True(second.TryAdd(1, Element(1), 4, default));
        second.Return();
    }
}

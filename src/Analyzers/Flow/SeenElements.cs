using System;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>
/// What has arrived where in one fixpoint run: each (block, element) pair once, with the block and entry element it came
/// from. An open-addressing table in flat arrays, emptied by a generation stamp instead of a clear, and kept per thread
/// between runs: a long method's run used to grow a dictionary through several large-object arrays (70 % of what a
/// 300-block analysis allocated), and a short one still paid for a new table each time. It holds only numbers, so the
/// table kept by a thread holds no compilation alive.
/// </summary>
internal sealed class SeenElements
{
    /// <summary>Past this many slots a table is not kept for the next run (about 2.9 MB, enough for a 3,000-block method).</summary>
    private const int MaxKeptSlots = 1 << 16;

    [ThreadStatic]
    private static SeenElements? s_kept;

    private int[] _stamps;
    private int[] _blocks;
    private ProtocolElement[] _elements;
    private int[] _fromBlocks;
    private ProtocolElement[] _fromEntries;
    private int[] _order;
    private int _stamp = 1;
    private int _mask;

    private SeenElements(int slots)
    {
        _stamps = new int[slots];
        _blocks = new int[slots];
        _elements = new ProtocolElement[slots];
        _fromBlocks = new int[slots];
        _fromEntries = new ProtocolElement[slots];
        _order = new int[slots / 4 * 3];
        _mask = slots - 1;
    }

    /// <summary>How many pairs were added.</summary>
    public int Count { get; private set; }

    /// <summary>An empty table: the one this thread kept, or a new one sized for about <paramref name="expected"/> pairs.</summary>
    public static SeenElements Rent(int expected)
    {
        var table = s_kept;
        s_kept = null;
        if (table is null)
            return new SeenElements(SlotsFor(expected));
        table.Empty();
        return table;
    }

    /// <summary>Hands the table back for the thread's next run; the caller no longer uses it.</summary>
    public void Return()
    {
        if (_stamps.Length <= MaxKeptSlots)
            s_kept = this;
    }

    /// <summary>Adds the pair with where it came from; false when the pair was already there (and nothing changes).</summary>
    public bool TryAdd(int block, ProtocolElement element, int fromBlock, ProtocolElement fromEntry)
    {
        if ((Count + 1) * 4 > _stamps.Length * 3)
            Grow();
        var slot = Find(block, element);
        if (_stamps[slot] == _stamp)
            return false;
        Put(slot, block, element, fromBlock, fromEntry);
        _order[Count++] = slot;
        return true;
    }

    /// <summary>Where the pair came from, when it was added.</summary>
    public bool TryGetOrigin(int block, ProtocolElement element, out int fromBlock, out ProtocolElement fromEntry)
    {
        var slot = Find(block, element);
        if (_stamps[slot] != _stamp)
        {
            fromBlock = -1;
            fromEntry = default;
            return false;
        }

        fromBlock = _fromBlocks[slot];
        fromEntry = _fromEntries[slot];
        return true;
    }

    /// <summary>The <paramref name="index"/>th pair added (0 is the first).</summary>
    public (int Block, ProtocolElement Element) this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            var slot = _order[index];
            return (_blocks[slot], _elements[slot]);
        }
    }

    private static int SlotsFor(int expected)
    {
        var slots = 64;
        while (slots / 4 * 3 < expected)
            slots <<= 1;
        return slots;
    }

    private void Empty()
    {
        Count = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps, 0, _stamps.Length);
            _stamp = 1;
        }
    }

    /// <summary>The slot that holds the pair, or the empty slot where it would go.</summary>
    private int Find(int block, ProtocolElement element)
    {
        var hash = unchecked((uint)element.GetHashCode() * 0x9E3779B1u ^ (uint)block * 0x85EBCA77u);
        var slot = (int)((hash ^ (hash >> 15)) & (uint)_mask);
        while (_stamps[slot] == _stamp && (_blocks[slot] != block || !_elements[slot].Equals(element)))
            slot = (slot + 1) & _mask;
        return slot;
    }

    private void Put(int slot, int block, ProtocolElement element, int fromBlock, ProtocolElement fromEntry)
    {
        _stamps[slot] = _stamp;
        _blocks[slot] = block;
        _elements[slot] = element;
        _fromBlocks[slot] = fromBlock;
        _fromEntries[slot] = fromEntry;
    }

    /// <summary>Doubles the table, keeping every pair and the order they were added in.</summary>
    private void Grow()
    {
        var stamps = _stamps;
        var blocks = _blocks;
        var elements = _elements;
        var fromBlocks = _fromBlocks;
        var fromEntries = _fromEntries;
        var order = _order;
        var count = Count;
        var oldStamp = _stamp;

        var slots = stamps.Length * 2;
        _stamps = new int[slots];
        _blocks = new int[slots];
        _elements = new ProtocolElement[slots];
        _fromBlocks = new int[slots];
        _fromEntries = new ProtocolElement[slots];
        _order = new int[slots / 4 * 3];
        _mask = slots - 1;
        _stamp = 1;
        Count = 0;
        for (var i = 0; i < count; i++)
        {
            var old = order[i];
            if (stamps[old] != oldStamp)
                continue;
            var slot = Find(blocks[old], elements[old]);
            Put(slot, blocks[old], elements[old], fromBlocks[old], fromEntries[old]);
            _order[Count++] = slot;
        }
    }
}

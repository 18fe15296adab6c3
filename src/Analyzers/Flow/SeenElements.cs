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

    private Slots _slots;
    private int _stamp = 1;

    private SeenElements(int slots) => _slots = new Slots(slots);

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
        if (_slots.Stamps.Length <= MaxKeptSlots)
            s_kept = this;
    }

    /// <summary>Adds the pair with where it came from; false when the pair was already there (and nothing changes).</summary>
    public bool TryAdd(int block, ProtocolElement element, int fromBlock, ProtocolElement fromEntry)
    {
        if ((Count + 1) * 4 > _slots.Stamps.Length * 3)
            Grow();
        var slot = Find(block, element);
        if (_slots.Stamps[slot] == _stamp)
            return false;
        Put(slot, block, element, fromBlock, fromEntry);
        _slots.Order[Count++] = slot;
        return true;
    }

    /// <summary>Where the pair came from, when it was added.</summary>
    public bool TryGetOrigin(int block, ProtocolElement element, out int fromBlock, out ProtocolElement fromEntry)
    {
        var slot = Find(block, element);
        if (_slots.Stamps[slot] != _stamp)
        {
            fromBlock = -1;
            fromEntry = default;
            return false;
        }

        fromBlock = _slots.FromBlocks[slot];
        fromEntry = _slots.FromEntries[slot];
        return true;
    }

    /// <summary>The <paramref name="index"/>th pair added (0 is the first).</summary>
    public (int Block, ProtocolElement Element) this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            var slot = _slots.Order[index];
            return (_slots.Blocks[slot], _slots.Elements[slot]);
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
            Array.Clear(_slots.Stamps, 0, _slots.Stamps.Length);
            _stamp = 1;
        }
    }

    /// <summary>The slot that holds the pair, or the empty slot where it would go.</summary>
    private int Find(int block, ProtocolElement element)
    {
        var hash = unchecked((uint)element.GetHashCode() * 0x9E3779B1u ^ (uint)block * 0x85EBCA77u);
        var mask = _slots.Stamps.Length - 1;
        var slot = (int)((hash ^ (hash >> 15)) & (uint)mask);
        while (_slots.Stamps[slot] == _stamp && (_slots.Blocks[slot] != block || !_slots.Elements[slot].Equals(element)))
            slot = (slot + 1) & mask;
        return slot;
    }

    private void Put(int slot, int block, ProtocolElement element, int fromBlock, ProtocolElement fromEntry)
    {
        _slots.Stamps[slot] = _stamp;
        _slots.Blocks[slot] = block;
        _slots.Elements[slot] = element;
        _slots.FromBlocks[slot] = fromBlock;
        _slots.FromEntries[slot] = fromEntry;
    }

    /// <summary>Doubles the table, keeping every pair and the order they were added in.</summary>
    private void Grow()
    {
        var old = _slots;
        var count = Count;
        _slots = new Slots(old.Stamps.Length * 2);
        _stamp = 1;
        Count = 0;
        for (var i = 0; i < count; i++)
        {
            var from = old.Order[i];
            var slot = Find(old.Blocks[from], old.Elements[from]);
            Put(slot, old.Blocks[from], old.Elements[from], old.FromBlocks[from], old.FromEntries[from]);
            _slots.Order[Count++] = slot;
        }
    }

    /// <summary>The table's arrays, side by side: a slot is in use when its stamp is the table's current one.</summary>
    private readonly struct Slots
    {
        public Slots(int slots)
        {
            Stamps = new int[slots];
            Blocks = new int[slots];
            Elements = new ProtocolElement[slots];
            FromBlocks = new int[slots];
            FromEntries = new ProtocolElement[slots];
            Order = new int[slots / 4 * 3];
        }

        public int[] Stamps { get; }

        public int[] Blocks { get; }

        public ProtocolElement[] Elements { get; }

        public int[] FromBlocks { get; }

        public ProtocolElement[] FromEntries { get; }

        /// <summary>The slots in the order their pairs were added.</summary>
        public int[] Order { get; }
    }
}

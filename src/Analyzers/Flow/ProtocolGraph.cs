using System.Collections.Generic;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>The four values a doorbell status read can produce, as bit positions of a status mask.</summary>
internal static class StatusMask
{
    public const int Connected = 0;
    public const int ConnectedNotify = 1;
    public const int DisconnectedRetry = 2;
    public const int DisconnectedAbort = 3;

    /// <summary>Every status: an edge with this mask says nothing about the status.</summary>
    public const byte All = 0b1111;

    public static byte Of(int status) => (byte)(1 << status);

    public static bool Contains(byte mask, int status) => (mask & (1 << status)) != 0;
}

/// <summary>What happens to the doorbells at one point of a method, in evaluation order.</summary>
internal enum ProtocolEventKind : byte
{
    /// <summary>A ring of <see cref="ProtocolEvent.Key"/>, reported at <see cref="ProtocolEvent.Site"/>.</summary>
    Ring,

    /// <summary>A recursive call of the analyzed method with the same doorbell: a re-ring that runs the whole protocol.</summary>
    RecursiveRing,

    /// <summary>
    /// A status read whose value goes into <see cref="ProtocolEvent.Holder"/> (or nowhere when -1); its
    /// <see cref="ProtocolEvent.Site"/>, when set, is the call of a helper that read the status and answers for it.
    /// </summary>
    ReadStatus,

    /// <summary>A connect.</summary>
    Connect,

    /// <summary>A NotifyWorkSubmission.</summary>
    Notify,

    /// <summary>A complete submission (RingAndConfirm): nothing is owed afterwards, the connection is unknown.</summary>
    Complete,

    /// <summary>The doorbell escaped (passed to code we cannot see): forget what we know, owe nothing.</summary>
    Havoc,

    /// <summary>A new value is stored in the key: the old doorbell's obligations end here; <see cref="ProtocolEvent.Created"/> when it is a new disconnected doorbell.</summary>
    Assign,

    /// <summary><see cref="ProtocolEvent.Holder"/> now holds what <see cref="ProtocolEvent.SourceHolder"/> holds.</summary>
    HolderCopy,

    /// <summary><see cref="ProtocolEvent.Holder"/> now holds a value that is no status read.</summary>
    HolderClear,

    /// <summary>The status in <see cref="ProtocolEvent.Holder"/> escaped (returned, passed on): whoever gets it handles it.</summary>
    HolderEscape,

    /// <summary>
    /// A condition on <see cref="ProtocolEvent.Holder"/> computed as a value, not branched on (<c>return s != DisconnectedAbort;</c>):
    /// when its truth for DisconnectedAbort differs from Connected and ConnectedNotify (<see cref="ProtocolEvent.Mask"/> is where it is true),
    /// the abort case is separated and handed to whoever reads the value.
    /// </summary>
    Distinguish,

    /// <summary>Derived variable <see cref="ProtocolEvent.Holder"/> gets value code <see cref="ProtocolEvent.Table"/> (0: unknown) on every path.</summary>
    DerivedSet,

    /// <summary>
    /// Derived variable <see cref="ProtocolEvent.Holder"/> gets, on a path whose status is in holder <see cref="ProtocolEvent.SourceHolder"/>,
    /// the code <see cref="ProtocolEvent.Table"/> gives that status (<see cref="DerivedValues.StatusTable"/>); elsewhere it is unknown.
    /// </summary>
    DerivedFromStatus,

    /// <summary>Derived variable <see cref="ProtocolEvent.Holder"/> gets the code <see cref="ProtocolEvent.Table"/> gives variable <see cref="ProtocolEvent.SourceHolder"/>'s code.</summary>
    DerivedFromDerived,
}

/// <summary>One step of the protocol model. Keys, sites and holders are small integers handed out by the translator.</summary>
internal readonly struct ProtocolEvent
{
    internal ProtocolEvent(ProtocolEventKind kind, int key, int site, int holder, int sourceHolder, bool created, byte mask = StatusMask.All, ulong table = 0)
    {
        Table = table;
        Mask = mask;
        Kind = kind;
        Key = key;
        Site = site;
        Holder = holder;
        SourceHolder = sourceHolder;
        Created = created;
    }

    public ProtocolEventKind Kind { get; }

    public int Key { get; }

    public int Site { get; }

    public int Holder { get; }

    public int SourceHolder { get; }

    public bool Created { get; }

    public byte Mask { get; }

    /// <summary>For the derived-variable events: the code, or the table of codes (<see cref="DerivedValues"/>).</summary>
    public ulong Table { get; }

    public static ProtocolEvent DerivedSet(int variable, int code) => new(ProtocolEventKind.DerivedSet, -1, -1, variable, -1, false, table: (ulong)code);

    public static ProtocolEvent DerivedFromStatus(int variable, int holder, ulong table) => new(ProtocolEventKind.DerivedFromStatus, -1, -1, variable, holder, false, table: table);

    public static ProtocolEvent DerivedFromDerived(int variable, int source, ulong table) => new(ProtocolEventKind.DerivedFromDerived, -1, -1, variable, source, false, table: table);

    public static ProtocolEvent Ring(int key, int site) => new(ProtocolEventKind.Ring, key, site, -1, -1, false);

    public static ProtocolEvent RecursiveRing(int key, int site) => new(ProtocolEventKind.RecursiveRing, key, site, -1, -1, false);

    public static ProtocolEvent ReadStatus(int key, int holder, int answeredAt = -1) => new(ProtocolEventKind.ReadStatus, key, answeredAt, holder, -1, false);

    public static ProtocolEvent Connect(int key) => new(ProtocolEventKind.Connect, key, -1, -1, -1, false);

    public static ProtocolEvent Notify(int key) => new(ProtocolEventKind.Notify, key, -1, -1, -1, false);

    public static ProtocolEvent Complete(int key) => new(ProtocolEventKind.Complete, key, -1, -1, -1, false);

    public static ProtocolEvent Havoc(int key) => new(ProtocolEventKind.Havoc, key, -1, -1, -1, false);

    /// <summary>The key gets a new value; <paramref name="created"/>: a new, disconnected doorbell made at site <paramref name="site"/>.</summary>
    public static ProtocolEvent Assign(int key, bool created, int site = -1) => new(ProtocolEventKind.Assign, key, created ? site : -1, -1, -1, created);

    public static ProtocolEvent HolderCopy(int target, int source) => new(ProtocolEventKind.HolderCopy, -1, -1, target, source, false);

    public static ProtocolEvent HolderClear(int holder) => new(ProtocolEventKind.HolderClear, -1, -1, holder, -1, false);

    public static ProtocolEvent HolderEscape(int holder) => new(ProtocolEventKind.HolderEscape, -1, -1, holder, -1, false);

    public static ProtocolEvent Distinguish(int holder, byte whenTrue) => new(ProtocolEventKind.Distinguish, -1, -1, holder, -1, false, whenTrue);

    public override string ToString() => Kind + "(key " + Key + ", site " + Site + ", holder " + Holder + (SourceHolder >= 0 ? " <- " + SourceHolder : "") + (Created ? ", created" : "") + ")";
}

/// <summary>
/// An edge. <see cref="Target"/> -1 means the path ends by throwing (owes nothing).
/// When <see cref="Holder"/> is set, the edge is taken only when the status in that holder is in <see cref="TakenWhen"/>;
/// when <see cref="DerivedVariable"/> is set, only when that variable's code is unknown or in <see cref="DerivedTakenWhen"/>.
/// </summary>
internal readonly struct ProtocolEdge
{
    public ProtocolEdge(int target, int holder = -1, byte takenWhen = StatusMask.All, int nullKey = -1, int nullHolder = -1, int derivedVariable = -1, ushort derivedTakenWhen = DerivedValues.AllCodes)
    {
        DerivedVariable = derivedVariable;
        DerivedTakenWhen = derivedTakenWhen;
        NullKey = nullKey;
        NullHolder = nullHolder;
        Target = target;
        Holder = holder;
        TakenWhen = takenWhen;
    }

    public int Target { get; }

    public int Holder { get; }

    public byte TakenWhen { get; }

    /// <summary>On this edge key <see cref="NullKey"/> is null: a doorbell rung on this path cannot be null, so such paths do not exist.</summary>
    public int NullKey { get; }

    /// <summary>On this edge holder <see cref="NullHolder"/> is null: a status read is never null, so paths holding one there do not exist.</summary>
    public int NullHolder { get; }

    /// <summary>The derived variable this edge tests, or -1.</summary>
    public int DerivedVariable { get; }

    /// <summary>The value codes of <see cref="DerivedVariable"/> for which the edge is taken (bit per code).</summary>
    public ushort DerivedTakenWhen { get; }

    /// <summary>The same edge, guards and all, to another block (a copy of a finally region, an inlined helper).</summary>
    public ProtocolEdge WithTarget(int target, int holder) => new(target, holder, TakenWhen, NullKey, NullHolder, DerivedVariable, DerivedTakenWhen);

    /// <summary>The same edge with its null guards set once keys are numbered.</summary>
    public ProtocolEdge WithNull(int nullKey, int nullHolder) => new(Target, Holder, TakenWhen, nullKey, nullHolder, DerivedVariable, DerivedTakenWhen);

    public override string ToString() => "-> " + Target + (Holder >= 0 ? " when h" + Holder + " in " + TakenWhen : "") + (DerivedVariable >= 0 ? " when v" + DerivedVariable + " in " + DerivedTakenWhen : "") + (NullKey >= 0 ? " when k" + NullKey + " is null" : "") + (NullHolder >= 0 ? " when h" + NullHolder + " is null" : "");
}

/// <summary>A basic block of the model: events in order, then the edges out.</summary>
internal sealed class ProtocolBlock
{
    public List<ProtocolEvent> Events { get; } = new();

    public List<ProtocolEdge> Edges { get; } = new();

    /// <summary>Arriving here is completing the method normally.</summary>
    public bool IsNormalExit { get; set; }

    /// <summary>A catch or filter entry: reached only because something threw, so it starts knowing nothing and owing nothing.</summary>
    public bool IsHandlerEntry { get; set; }

    private static readonly List<int> s_noHandlers = new();
    private List<int>? _handlers;

    /// <summary>The handler entries an exception thrown in this block goes to (the catches of the try it is in).</summary>
    public IReadOnlyList<int> Handlers => _handlers ?? s_noHandlers;

    /// <summary>Where the path leaves the method when it goes on from this block (a return, the closing brace): a translator's anchor, or -1.</summary>
    public int LeaveAnchor { get; set; } = -1;

    /// <summary>The condition this block ends with when it tests a status: a translator's anchor, or -1.</summary>
    public int ConditionAnchor { get; set; } = -1;

    public void AddHandler(int handlerEntry)
    {
        _handlers ??= new List<int>();
        if (!_handlers.Contains(handlerEntry))
            _handlers.Add(handlerEntry);
    }

    /// <summary>
    /// The block holds code of the user's own (a statement, a value, a condition), so reaching it with the disconnected
    /// statuses alone separates the abort case. Jump-only blocks and the copies of a finally region (which run on every
    /// way out alike) never do: a bare <c>return;</c> on abort separates nothing, inside a <c>lock</c> or not.
    /// </summary>
    public bool CanSeparate { get; set; }

    /// <summary>
    /// For a block of a copied finally region: the copy's entry block. Such a block separates abort only when the
    /// statuses that entered the copy were mixed: a test inside the finally did the separating, not the way in.
    /// </summary>
    public int SeparationScope { get; set; } = -1;
}

/// <summary>A method reduced to what matters for the doorbell protocol. Block 0 is the entry.</summary>
internal sealed class ProtocolGraph
{
    public List<ProtocolBlock> Blocks { get; } = new();

    public int KeyCount { get; set; }

    /// <summary>
    /// The function is a lambda that returns a value to whoever runs it (<c>Retry.Until(() => ...)</c>): a
    /// <c>DisconnectedRetry</c> it connected and returns on is handed to its invoker, which runs it again.
    /// </summary>
    public bool HandsRetryToInvoker { get; set; }

    public ProtocolBlock AddBlock()
    {
        var block = new ProtocolBlock();
        Blocks.Add(block);
        return block;
    }
}

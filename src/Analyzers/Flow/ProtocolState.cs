using System;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>Where a doorbell stands in the submission protocol on one path.</summary>
internal enum Phase
{
    /// <summary>Nothing owed (not rung here, or the protocol was completed, or we lost track).</summary>
    Idle = 0,

    /// <summary>Rung; the status was not read since.</summary>
    Pending = 1,

    /// <summary>Rung and its status read; <see cref="ProtocolElement.Status"/> is the value on this path.</summary>
    Read = 2,
}

/// <summary>Whether a doorbell is known to be connected on this path.</summary>
internal enum Connection
{
    /// <summary>Not known: parameters, fields, anything we lost track of.</summary>
    Unknown = 0,

    /// <summary>Created in this method and not yet connected.</summary>
    Disconnected = 1,

    /// <summary>Connect was called on this path.</summary>
    Connected = 2,
}

/// <summary>
/// One element of the property-simulation state: one doorbell key, its phase, and for a read the one status value
/// this path assumes (the read splits a path into four). Packed in a ulong plus a holder bitset so sets of elements are cheap;
/// a third word holds the values of the function's derived variables on this path (<see cref="DerivedValues"/>), 0 when it has none.
/// </summary>
internal readonly struct ProtocolElement : IEquatable<ProtocolElement>
{
    // Layout of Bits: key 0-11, phase 12-13, status 14-15, notified 16, retry connected 17, abort separated 18,
    // connection 19-20, ring site 21-40, read id 41-60.
    private const int KeyShift = 0, PhaseShift = 12, StatusShift = 14, NotifiedShift = 16, RetryConnectedShift = 17,
        SeparatedShift = 18, ConnectionShift = 19, SiteShift = 21, ReadIdShift = 41;

    public const int MaxKeys = 1 << 12;
    public const int MaxSites = 1 << 20;
    public const int MaxReads = 1 << 20;
    public const int MaxHolders = 32;

    private readonly ulong _bits;
    private readonly uint _derived;

    private ProtocolElement(ulong bits, uint holders, uint derived)
    {
        _bits = bits;
        Holders = holders;
        _derived = derived;
    }

    public static ProtocolElement Start(int key, Connection connection = Connection.Unknown) =>
        new((uint)key | ((ulong)connection << ConnectionShift), 0, 0);

    public int Key => (int)((_bits >> KeyShift) & 0xFFF);

    public Phase Phase => (Phase)((_bits >> PhaseShift) & 3);

    public int Status => (int)((_bits >> StatusShift) & 3);

    public bool Notified => ((_bits >> NotifiedShift) & 1) != 0;

    public bool RetryConnected => ((_bits >> RetryConnectedShift) & 1) != 0;

    public bool AbortSeparated => ((_bits >> SeparatedShift) & 1) != 0;

    public Connection Connection => (Connection)((_bits >> ConnectionShift) & 3);

    /// <summary>The ring the current obligation comes from.</summary>
    public int Site => (int)((_bits >> SiteShift) & (MaxSites - 1));

    /// <summary>Which read produced the status (1-based; 0 when not read).</summary>
    public int ReadId => (int)((_bits >> ReadIdShift) & (MaxReads - 1));

    /// <summary>The holders (locals, captures) that hold this path's status value.</summary>
    public uint Holders { get; }

    public bool HasHolder(int holder) => (Holders & (1u << holder)) != 0;

    /// <summary>The value codes of the derived variables on this path (<see cref="DerivedValues"/>).</summary>
    public uint Derived => _derived;

    /// <summary>The value code of derived variable <paramref name="variable"/> on this path; 0 when unknown.</summary>
    public int DerivedValue(int variable) => DerivedValues.Get(_derived, variable);

    /// <summary>Derived variable <paramref name="variable"/> holds value code <paramref name="code"/> (0: unknown) from here on.</summary>
    public ProtocolElement WithDerived(int variable, int code) => new(_bits, Holders, DerivedValues.Set(_derived, variable, code));

    /// <summary>The doorbell was rung at <paramref name="site"/>: everything about an earlier read is gone.</summary>
    public ProtocolElement Rung(int site) => new(KeyAndConnection() | ((ulong)Phase.Pending << PhaseShift) | ((ulong)site << SiteShift), 0, _derived);

    /// <summary>Nothing owed any more; the connection is kept or replaced.</summary>
    public ProtocolElement ToIdle(Connection connection) => new((uint)Key | ((ulong)connection << ConnectionShift), 0, _derived);

    public ProtocolElement Read(int status, int readId, uint holders) =>
        new(KeyAndConnection() | ((ulong)Phase.Read << PhaseShift) | ((ulong)status << StatusShift) | ((ulong)Site << SiteShift) | ((ulong)readId << ReadIdShift), holders, _derived);

    public ProtocolElement WithConnection(Connection connection) =>
        new((_bits & ~(3UL << ConnectionShift)) | ((ulong)connection << ConnectionShift), Holders, _derived);

    public ProtocolElement WithNotified() => new(_bits | (1UL << NotifiedShift), Holders, _derived);

    public ProtocolElement WithRetryConnected() => new(_bits | (1UL << RetryConnectedShift), Holders, _derived);

    public ProtocolElement WithAbortSeparated() => new(_bits | (1UL << SeparatedShift), Holders, _derived);

    public ProtocolElement WithHolders(uint holders) => new(_bits, holders, _derived);

    private ulong KeyAndConnection() => _bits & (0xFFFUL | (3UL << ConnectionShift));

    public bool Equals(ProtocolElement other) => _bits == other._bits && Holders == other.Holders && _derived == other._derived;

    public override bool Equals(object? obj) => obj is ProtocolElement other && Equals(other);

    public override int GetHashCode() => unchecked((_bits.GetHashCode() * 31 + (int)Holders) * 31 + (int)_derived);

    public override string ToString() =>
        "k" + Key + " " + Phase + (Phase == Phase.Read ? "(" + Status + (Notified ? ",notified" : "") + (RetryConnected ? ",connected" : "") + (AbortSeparated ? ",separated" : "") + ")" : "") +
        " " + Connection + " site " + Site + " holders " + Holders + (_derived != 0 ? " derived " + _derived.ToString("x", System.Globalization.CultureInfo.InvariantCulture) : "");
}

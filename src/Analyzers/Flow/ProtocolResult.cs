using System;
using System.Collections.Generic;

namespace DoorbellGuard.Analyzers.Flow;

/// <summary>The rule a violation breaks (the numbers are the DBL IDs).</summary>
internal enum ProtocolRule
{
    RingWithoutStatusRead = 1,
    DisconnectNotRetried = 2,
    NotifyNotCalled = 3,
    AbortTreatedAsSuccess = 4,
    RingBeforeConnect = 5,

    /// <summary>Not a protocol rule: the analysis of a function stopped short and says so.</summary>
    AnalysisSkipped = 900,
}

/// <summary>Where a violation shows: at the normal end of the method, at the next ring, or where the doorbell is replaced.</summary>
internal enum Detection
{
    Exit,
    Ring,
    Replaced,
}

/// <summary>
/// One violation: a rule broken by the ring at <see cref="Site"/>, with what explains it: where it shows
/// (<see cref="Detection"/>, the ring it shows at), where the offending path leaves the method and which branch let the
/// status through (anchors the translator gave the blocks, -1 when none), and the inlined call it was detected in.
/// Two violations of one rule at one site are the same violation.
/// </summary>
internal readonly struct ProtocolViolation : IEquatable<ProtocolViolation>, IComparable<ProtocolViolation>
{
    public ProtocolViolation(ProtocolRule rule, int site, int key = -1, Detection detection = Detection.Exit, int detectedAtSite = -1, int leaveAnchor = -1, int branchAnchor = -1, int createdAtSite = -1, int readId = 0)
    {
        ReadId = readId;
        CreatedAtSite = createdAtSite;
        Rule = rule;
        Site = site;
        Key = key;
        Detection = detection;
        DetectedAtSite = detectedAtSite;
        LeaveAnchor = leaveAnchor;
        BranchAnchor = branchAnchor;
    }

    public ProtocolRule Rule { get; }

    public int Site { get; }

    public int Key { get; }

    public Detection Detection { get; }

    /// <summary>For <see cref="Detection.Ring"/>: the ring it shows at.</summary>
    public int DetectedAtSite { get; }

    /// <summary>The anchor of the statement through which the offending path leaves the method.</summary>
    public int LeaveAnchor { get; }

    /// <summary>For DBL002-DBL004: the anchor of the last condition that let the status through.</summary>
    public int BranchAnchor { get; }

    /// <summary>For DBL005: the site that created the doorbell the path rings unconnected (-1 when unknown).</summary>
    public int CreatedAtSite { get; }

    /// <summary>For DBL002-DBL004: which read produced the status (numbered as <see cref="ProtocolAnalysis.ReadEvent"/> finds it; 0 when none).</summary>
    public int ReadId { get; }

    public ProtocolViolation WithAnchors(int leaveAnchor, int branchAnchor, int createdAtSite = -1) =>
        new(Rule, Site, Key, Detection, DetectedAtSite, leaveAnchor, branchAnchor, createdAtSite, ReadId);

    public bool Equals(ProtocolViolation other) => Rule == other.Rule && Site == other.Site;

    public override bool Equals(object? obj) => obj is ProtocolViolation other && Equals(other);

    public override int GetHashCode() => ((int)Rule * 397) ^ Site;

    public int CompareTo(ProtocolViolation other) => Site != other.Site ? Site.CompareTo(other.Site) : Rule.CompareTo(other.Rule);

    public override string ToString() => "DBL00" + (int)Rule + "@" + Site;
}

/// <summary>Caps that keep one method's analysis cheap; past them the analysis gives up and says nothing.</summary>
internal readonly struct ProtocolBudget
{
    public ProtocolBudget(int maxBlocks, int maxSteps)
    {
        MaxBlocks = maxBlocks;
        MaxSteps = maxSteps;
    }

    public static ProtocolBudget Default => new(maxBlocks: 20_000, maxSteps: 2_000_000);

    public int MaxBlocks { get; }

    public int MaxSteps { get; }
}

/// <summary>Why the analysis of a function stopped short: then it reports nothing about that function (but DBL900).</summary>
internal enum GiveUpReason
{
    None,

    /// <summary>More blocks than <see cref="ProtocolBudget.MaxBlocks"/> (finally copies and inlined helpers included).</summary>
    TooManyBlocks,

    /// <summary>More steps than <see cref="ProtocolBudget.MaxSteps"/>.</summary>
    TooManySteps,

    /// <summary>More doorbells, ring sites, reads or holders than an element can number.</summary>
    TooManyNames,

    /// <summary>An expression nested deeper than the translator walks.</summary>
    TooDeep,
}

/// <summary>The outcome for one method: the violations, or why it stopped short (<see cref="GiveUpReason"/>).</summary>
internal sealed class ProtocolResult
{
    public ProtocolResult(bool completed, IReadOnlyList<ProtocolViolation> violations, GiveUpReason reason = GiveUpReason.None)
    {
        Completed = completed;
        Violations = violations;
        Reason = reason;
    }

    public bool Completed { get; }

    public IReadOnlyList<ProtocolViolation> Violations { get; }

    public GiveUpReason Reason { get; }

    public static ProtocolResult GaveUp(GiveUpReason reason) => new(false, Array.Empty<ProtocolViolation>(), reason);
}

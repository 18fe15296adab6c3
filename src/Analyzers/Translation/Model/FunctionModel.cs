using System;
using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>The model of one function (method, accessor, lambda, local function), or why there is none.</summary>
internal sealed class FunctionModel
{
    public static readonly FunctionModel NoRing = new(null, Array.Empty<RingSite>(), hasRing: false);

    public FunctionModel(ProtocolGraph? graph, IReadOnlyList<RingSite> sites, bool hasRing, IReadOnlyList<Location>? anchors = null, IReadOnlyList<AccessPath>? keys = null)
    {
        Graph = graph;
        Sites = sites;
        HasRing = hasRing;
        Anchors = anchors ?? Array.Empty<Location>();
        Keys = keys ?? Array.Empty<AccessPath>();
    }

    /// <summary>What each key of the graph names.</summary>
    public IReadOnlyList<AccessPath> Keys { get; }


    /// <summary>The locations the graph's blocks point at (<see cref="ProtocolBlock.LeaveAnchor"/>, <see cref="ProtocolBlock.ConditionAnchor"/>).</summary>
    public IReadOnlyList<Location> Anchors { get; }

    /// <summary>Null when the translation gave up (invalid code, a budget): then nothing is reported.</summary>
    public ProtocolGraph? Graph { get; }

    public IReadOnlyList<RingSite> Sites { get; }

    /// <summary>False when the function rings nothing: no rule can fire, the analysis is skipped.</summary>
    public bool HasRing { get; }

    /// <summary>Why the translation gave up, when <see cref="Graph"/> is null although the function rings.</summary>
    public GiveUpReason Reason { get; private set; }

    public static FunctionModel GaveUp(IReadOnlyList<RingSite> sites, GiveUpReason reason) => new(null, sites, hasRing: true) { Reason = reason };
}

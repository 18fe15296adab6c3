using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Locals that name another key's doorbell (<c>var d2 = d;</c>, <c>d2 = d;</c>, <c>using var d2 = d;</c>,
/// <c>if (x is Doorbell d2)</c>): a forward must-alias pass over the raw model rewrites every event on such a local to
/// the key it names, so ringing through one name and reading through the other is one doorbell. The two names stay
/// one until either is reassigned: then the doorbell they shared is forgotten (it owes nothing), never reported wrongly.
/// A local that may name different keys on different paths (it was assigned on a branch) makes each of them escape
/// where it is used.
/// </summary>
internal static class LocalAliases
{
    /// <summary>More possible targets than this and a local counts as unknown.</summary>
    private const int MaxTargets = 4;

    public static void Resolve(RawModel model, CapturedRoots captured)
    {
        var aliased = AliasedLocals(model);
        if (aliased.Count == 0)
            return;

        var count = model.BlockCount;
        var states = new AliasState?[count];
        var worklist = new Stack<int>();
        states[0] = AliasState.Empty;
        worklist.Push(0);
        while (worklist.Count > 0)
        {
            var b = worklist.Pop();
            var block = model.Graph.Blocks[b];
            var output = Transfer(states[b]!, model.EventsOf(b), captured, rewritten: null);
            foreach (var edge in block.Edges)
            {
                if (edge.Target >= 0)
                    Flow(states, worklist, edge.Target, output);
            }

            // A throw may leave the block anywhere between its entry and its end: its handlers get both.
            var handlers = block.Handlers;
            for (var h = 0; h < handlers.Count; h++)
            {
                Flow(states, worklist, handlers[h], states[b]!);
                Flow(states, worklist, handlers[h], output);
            }
        }

        // A handler no block reaches (the analysis starts it anyway) knows nothing of what its locals name.
        var unreached = AliasState.Unknown(aliased);
        var outStates = new AliasState[count];
        for (var b = 0; b < count; b++)
        {
            var rewritten = new List<RawEvent>();
            outStates[b] = Transfer(states[b] ?? (model.Graph.Blocks[b].IsHandlerEntry ? unreached : AliasState.Empty), model.EventsOf(b), captured, rewritten);
            model.ReplaceEvents(b, rewritten);
        }

        var nullEdges = model.NullEdges;
        for (var i = 0; i < nullEdges.Count; i++)
        {
            var nullEdge = nullEdges[i];
            if (nullEdge.Path is null)
                continue;
            var targets = outStates[nullEdge.Block].Resolve(nullEdge.Path);
            var path = !targets.IsDefault && targets.Length == 1 ? targets[0] : null;
            nullEdges[i] = new NullEdge(nullEdge.Block, nullEdge.Edge, path, nullEdge.Holder);
        }
    }

    private static void Flow(AliasState?[] states, Stack<int> worklist, int target, AliasState arriving)
    {
        var joined = states[target] is { } existing ? AliasState.Join(existing, arriving) : arriving;
        if (states[target] is null || !joined.SameAs(states[target]!))
        {
            states[target] = joined;
            worklist.Push(target);
        }
    }

    /// <summary>The locals some assignment makes another name of a key; usually none, and then there is nothing to do.</summary>
    private static List<ILocalSymbol> AliasedLocals(RawModel model)
    {
        var locals = new List<ILocalSymbol>();
        foreach (var events in model.EventsOfBlocks)
        {
            foreach (var e in events)
            {
                if (e.AliasOf is not null && e.Path?.Root is ILocalSymbol local && !locals.Contains(local, SymbolEqualityComparer.Default))
                    locals.Add(local);
            }
        }

        return locals;
    }

    /// <summary>Runs <paramref name="events"/> over <paramref name="state"/>; when <paramref name="rewritten"/> is given, writes the events as they apply to keys.</summary>
    private static AliasState Transfer(AliasState state, List<RawEvent> events, CapturedRoots captured, List<RawEvent>? rewritten)
    {
        foreach (var e in events)
        {
            if (e.Kind == ProtocolEventKind.Assign && e.Path is { } assigned)
            {
                state = Assign(state, e, assigned, rewritten);
                continue;
            }

            if (e.Scope == RawScope.Captured && rewritten is not null)
            {
                // A delegate call may touch what the captured locals name: those keys escape too.
                rewritten.Add(e);
                foreach (var binding in state.Bindings)
                {
                    var local = binding.Key;
                    var targets = binding.Value;
                    if (!captured.Contains(local) || targets.IsDefault)
                        continue;
                    foreach (var target in targets)
                        rewritten.Add(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, target));
                }

                continue;
            }

            if (e.Path is not { } path || e.Scope is not (RawScope.Exact or RawScope.Prefix) || !state.Binds(path))
            {
                rewritten?.Add(e);
                continue;
            }

            var resolved = state.Resolve(path);
            // Default: a name whose doorbell is unknown here (a catch entry); never read Length off it.
            if (!resolved.IsDefault && resolved.Length == 1)
            {
                rewritten?.Add(e.WithPath(resolved[0]));
                continue;
            }

            // Several doorbells, or one we lost: whatever this does, they escape, and a status read here is no read.
            if (rewritten is null)
                continue;
            if (!resolved.IsDefault)
            {
                foreach (var target in resolved)
                    rewritten.Add(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, target));
            }

            if (e.Kind == ProtocolEventKind.ReadStatus && e.Holder >= 0)
                rewritten.Add(new RawEvent(ProtocolEventKind.HolderClear, RawScope.None, holder: e.Holder));
        }

        return state;
    }

    private static AliasState Assign(AliasState state, RawEvent e, AccessPath assigned, List<RawEvent>? rewritten)
    {
        if (assigned.Kind == AccessRootKind.Local && assigned.Steps.IsEmpty)
        {
            // The name itself gets a new value: the doorbell it named lives on under its other names.
            var local = (ILocalSymbol)assigned.Root!;
            var stale = state.Bound(local) ? state : state.Invalidate(assigned, rewritten);
            rewritten?.Add(e.AliasOf is null ? e : new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, assigned));
            return stale.Bind(local, e.AliasOf is null ? ImmutableArray<AccessPath>.Empty : stale.Resolve(e.AliasOf), assigned);
        }

        // A member gets a new value (_q = ..., d2.Inner = ...): through an alias, on what the alias names.
        var targets = state.Binds(assigned) ? state.Resolve(assigned) : ImmutableArray.Create(assigned);
        if (targets.IsDefault)
            return state;
        foreach (var target in targets)
        {
            state = state.Invalidate(target, rewritten);
            if (targets.Length == 1)
                rewritten?.Add(new RawEvent(ProtocolEventKind.Assign, RawScope.Prefix, target, site: e.Site, created: e.Created));
            else
                rewritten?.Add(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, target));
        }

        return state;
    }

    /// <summary>What each aliased local names on one path: a set of keys, or unknown (default array).</summary>
    private sealed class AliasState
    {
        public static readonly AliasState Empty = new(ImmutableDictionary<ILocalSymbol, ImmutableArray<AccessPath>>.Empty.WithComparers(SymbolEqualityComparer.Default));

        private AliasState(ImmutableDictionary<ILocalSymbol, ImmutableArray<AccessPath>> bindings) => Bindings = bindings;

        /// <summary>Every one of <paramref name="locals"/> names something we do not know.</summary>
        public static AliasState Unknown(IEnumerable<ILocalSymbol> locals)
        {
            var bindings = Empty.Bindings;
            foreach (var local in locals)
                bindings = bindings.SetItem(local, default);
            return new AliasState(bindings);
        }

        /// <summary>The locals that name something other than themselves; a default array means unknown.</summary>
        public ImmutableDictionary<ILocalSymbol, ImmutableArray<AccessPath>> Bindings { get; }

        public bool Bound(ILocalSymbol local) => Bindings.ContainsKey(local);

        /// <summary>Whether <paramref name="path"/> goes through a local that names something else (or may).</summary>
        public bool Binds(AccessPath path) => path.Kind == AccessRootKind.Local && Bindings.ContainsKey((ILocalSymbol)path.Root!);

        /// <summary>The keys <paramref name="path"/> names: one, several, or unknown (default).</summary>
        public ImmutableArray<AccessPath> Resolve(AccessPath path)
        {
            if (path.Kind != AccessRootKind.Local)
                return ImmutableArray.Create(path);
            var local = (ILocalSymbol)path.Root!;
            if (!Bindings.TryGetValue(local, out var targets))
                return ImmutableArray.Create(path);
            if (targets.IsDefault)
                return default;
            var builder = ImmutableArray.CreateBuilder<AccessPath>(targets.Length);
            foreach (var target in targets)
            {
                var extended = target;
                foreach (var step in path.Steps)
                    extended = extended?.Then(step);
                if (extended is null)
                    return default;
                builder.Add(extended);
            }

            return builder.MoveToImmutable();
        }

        /// <summary><paramref name="local"/> now names <paramref name="targets"/> (empty: only itself).</summary>
        public AliasState Bind(ILocalSymbol local, ImmutableArray<AccessPath> targets, AccessPath self)
        {
            if (!targets.IsDefault && (targets.IsEmpty || (targets.Length == 1 && targets[0].Equals(self))))
                return new AliasState(Bindings.Remove(local));
            return new AliasState(Bindings.SetItem(local, targets));
        }

        /// <summary>
        /// The doorbell at or under <paramref name="replaced"/> is replaced: locals that named it still hold the old one,
        /// which we stop following (it escapes: no report about it either way).
        /// </summary>
        public AliasState Invalidate(AccessPath replaced, List<RawEvent>? rewritten)
        {
            var bindings = Bindings;
            foreach (var binding in Bindings)
            {
                var local = binding.Key;
                var targets = binding.Value;
                if (targets.IsDefault)
                    continue;
                foreach (var target in targets)
                {
                    if (!target.StartsWith(replaced))
                        continue;
                    bindings = bindings.SetItem(local, default);
                    rewritten?.Add(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, replaced));
                    break;
                }
            }

            return ReferenceEquals(bindings, Bindings) ? this : new AliasState(bindings);
        }

        public static AliasState Join(AliasState a, AliasState b)
        {
            var bindings = a.Bindings;
            foreach (var local in Keys(a, b))
            {
                var left = a.Targets(local);
                var right = b.Targets(local);
                ImmutableArray<AccessPath> union;
                if (left.IsDefault || right.IsDefault)
                {
                    union = default;
                }
                else
                {
                    var set = new List<AccessPath>(left);
                    foreach (var target in right)
                    {
                        if (!set.Contains(target))
                            set.Add(target);
                    }

                    union = set.Count > MaxTargets ? default : set.ToImmutableArray();
                }

                bindings = union.IsDefault || union.Length != 1 || !union[0].Equals(AccessPath.ForLocal(local))
                    ? bindings.SetItem(local, union)
                    : bindings.Remove(local);
            }

            return new AliasState(bindings);
        }

        public bool SameAs(AliasState other)
        {
            if (Bindings.Count != other.Bindings.Count)
                return false;
            foreach (var binding in Bindings)
            {
                var local = binding.Key;
                var targets = binding.Value;
                if (!other.Bindings.TryGetValue(local, out var others) || targets.IsDefault != others.IsDefault)
                    return false;
                if (!targets.IsDefault && (targets.Length != others.Length || !Same(targets, others)))
                    return false;
            }

            return true;
        }

        private static bool Same(ImmutableArray<AccessPath> left, ImmutableArray<AccessPath> right)
        {
            foreach (var target in left)
            {
                if (!right.Contains(target))
                    return false;
            }

            return true;
        }

        /// <summary>What <paramref name="local"/> names here: itself when it is not bound.</summary>
        private ImmutableArray<AccessPath> Targets(ILocalSymbol local) =>
            Bindings.TryGetValue(local, out var targets) ? targets : ImmutableArray.Create(AccessPath.ForLocal(local));

        private static IEnumerable<ILocalSymbol> Keys(AliasState a, AliasState b)
        {
            foreach (var local in a.Bindings.Keys)
                yield return local;
            foreach (var local in b.Bindings.Keys)
            {
                if (!a.Bindings.ContainsKey(local))
                    yield return local;
            }
        }
    }
}

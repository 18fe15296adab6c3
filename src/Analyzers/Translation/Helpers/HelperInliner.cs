using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Inlines a helper's summary at a call: its blocks are copied into the caller's model, its parameters, <c>this</c> and
/// returned status mapped to the caller's arguments, receiver and call value, its holders to fresh ones; what it does to
/// doorbells of its own is its own analysis's business and is left out. Its rings are reported at the call.
/// </summary>
internal sealed class HelperInliner
{
    private readonly EventWalker _walker;
    private readonly IInlineTarget _target;
    private readonly HelperModel _helper;
    private readonly IOperation _call;
    private readonly Dictionary<IParameterSymbol, (WalkValue Value, IOperation Syntax)> _arguments = new(SymbolEqualityComparer.Default);
    private readonly AccessPath? _this;
    private readonly bool _thisIsCallers;
    private readonly string? _thisText;
    private readonly int[] _holders;
    private readonly int[] _variables;
    private readonly Dictionary<(string Text, bool ReportedByHelper), int> _sitesByText = new();
    private readonly int _inlining;
    private readonly bool _keepsStatus;
    private int _keptReadSite = -1;

    private HelperInliner(EventWalker walker, IInlineTarget target, HelperModel helper, IOperation call, IOperation? instance, ImmutableArray<IArgumentOperation> callArguments, WalkValue receiver, WalkValue[] arguments)
    {
        _walker = walker;
        _target = target;
        _helper = helper;
        _call = call;
        for (var i = 0; i < callArguments.Length && i < arguments.Length; i++)
        {
            if (callArguments[i].Parameter is { } parameter)
                _arguments[(IParameterSymbol)parameter.OriginalDefinition] = (arguments[i], callArguments[i].Value);
        }

        var method = helper.Method;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            _thisIsCallers = true; // a local function's this is its container's
        }
        else if (!method.IsStatic && receiver.Kind == ValueKind.Key)
        {
            _thisIsCallers = receiver.Path!.Kind == AccessRootKind.This && receiver.Path.Steps.IsEmpty;
            _this = _thisIsCallers ? null : receiver.Path;
            _thisText = instance is { IsImplicit: false } ? instance.Syntax.ToString() : null;
        }

        _holders = new int[helper.HolderCount];
        _variables = new int[helper.DerivedValues.Count];
        for (var v = 0; v < _variables.Length; v++)
            _variables[v] = walker.InlinedVariable(helper.Method, v, helper.DerivedValues[v]);
        _inlining = walker.Sites.NextInlining();
        _keepsStatus = HelperCalls.KeepsStatus(method);
    }

    /// <summary>Inlines <paramref name="helper"/> at <paramref name="call"/>; false (nothing emitted) when the caller has no room for it.</summary>
    public static bool TryInline(EventWalker walker, IInlineTarget target, HelperModel helper, IInvocationOperation call, WalkValue receiver, WalkValue[] arguments, out WalkValue value) =>
        TryInline(walker, target, helper, call, call.Instance, call.Arguments, receiver, arguments, out value);

    /// <summary>Inlines a property accessor at <paramref name="use"/> (the property read, or the assignment that sets it).</summary>
    public static bool TryInlineAccessor(EventWalker walker, IInlineTarget target, HelperModel helper, IOperation use, IPropertyReferenceOperation property, WalkValue receiver, out WalkValue value) =>
        TryInline(walker, target, helper, use, property.Instance, ImmutableArray<IArgumentOperation>.Empty, receiver, System.Array.Empty<WalkValue>(), out value);

    private static bool TryInline(EventWalker walker, IInlineTarget target, HelperModel helper, IOperation call, IOperation? instance, ImmutableArray<IArgumentOperation> callArguments, WalkValue receiver, WalkValue[] arguments, out WalkValue value)
    {
        value = WalkValue.Other;
        if (target.CurrentBlock < 0 || !target.HasRoomFor(helper.Model.BlockCount + 1))
            return false;
        var inliner = new HelperInliner(walker, target, helper, call, instance, callArguments, receiver, arguments);
        if (!inliner.TakeHolders())
            return false;
        value = inliner.Inline();
        return true;
    }

    private bool TakeHolders()
    {
        for (var h = 0; h < _holders.Length; h++)
        {
            _holders[h] = _walker.Holders.Fresh();
            if (_holders[h] < 0)
                return false;
        }

        return true;
    }

    private WalkValue Inline()
    {

        // The caller's statuses handed over arrive in the helper's parameter holders.
        foreach (var parameter in _helper.ParameterHolders)
        {
            var holder = MapHolder(parameter.Value);
            if (_arguments.TryGetValue(parameter.Key, out var argument))
                _walker.Bind(holder, argument.Value);
            else
                _walker.Emit(new RawEvent(ProtocolEventKind.HolderClear, RawScope.None, holder: holder));
        }

        // Arguments that go nowhere the helper follows (a read into an object parameter, say) are handed over.
        foreach (var argument in _arguments)
        {
            if (!_helper.ParameterHolders.ContainsKey(argument.Key) && argument.Value.Value.Kind is ValueKind.Read or ValueKind.Holder)
                _walker.Consume(argument.Value.Value);
        }

        var source = _helper.Model;
        var offset = -1;
        for (var b = 0; b < source.BlockCount; b++)
        {
            var copy = _target.NewInlineBlock();
            if (offset < 0)
                offset = copy - b;
        }

        var continuation = _target.NewInlineBlock();
        var model = _target.Model;
        for (var b = 0; b < source.BlockCount; b++)
        {
            var from = source.Graph.Blocks[b];
            var to = model.Graph.Blocks[b + offset];
            to.IsHandlerEntry = from.IsHandlerEntry;
            to.CanSeparate = from.CanSeparate;
            foreach (var handler in from.Handlers)
                to.AddHandler(handler + offset);
            var events = model.EventsOf(b + offset);
            foreach (var e in source.EventsOf(b))
                Map(e, events);
            if (b == _helper.Exit)
            {
                model.AddEdge(b + offset, new ProtocolEdge(continuation));
                continue;
            }

            foreach (var edge in from.Edges)
                model.AddEdge(b + offset, new ProtocolEdge(edge.Target < 0 ? edge.Target : edge.Target + offset, MapHolder(edge.Holder), edge.TakenWhen,
                    derivedVariable: MapVariable(edge.DerivedVariable), derivedTakenWhen: edge.DerivedTakenWhen));
        }

        foreach (var nullEdge in source.NullEdges)
        {
            var path = nullEdge.Path is null ? null : MapPath(nullEdge.Path);
            var holder = MapHolder(nullEdge.Holder);
            if (path is not null || holder >= 0)
                model.NullEdges.Add(new NullEdge(nullEdge.Block + offset, nullEdge.Edge, path, holder));
        }

        _target.JumpTo(offset);
        _target.ContinueAt(continuation);
        HandBackStatuses();
        if (_helper.HasRing)
            _walker.MarkRing();
        if (MapVariable(_helper.ReturnVariable) is var answer && answer >= 0)
            return WalkValue.DerivedOf(answer, negated: false);
        if (_helper.ReturnHolder >= 0 && _helper.ReturnElement >= 0)
            return WalkValue.TupleHolderOf(MapHolder(_helper.ReturnHolder), _helper.ReturnElement);
        return _helper.ReturnHolder >= 0 ? WalkValue.HolderOf(MapHolder(_helper.ReturnHolder)) : WalkValue.Other;
    }

    /// <summary>A status the helper hands back through an <c>out</c> or <c>ref</c> parameter arrives in the caller's local.</summary>
    private void HandBackStatuses()
    {
        foreach (var parameter in _helper.ParameterHolders)
        {
            if (parameter.Key.RefKind is not (RefKind.Out or RefKind.Ref) || !_arguments.TryGetValue(parameter.Key, out var argument))
                continue;
            var target = StripConversions(argument.Syntax) switch
            {
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };
            var holder = target is null ? -1 : _walker.Holders.ForLocal(target);
            if (holder >= 0)
                _walker.Emit(new RawEvent(ProtocolEventKind.HolderCopy, RawScope.None, holder: holder, sourceHolder: MapHolder(parameter.Value)));
            else
                _walker.Emit(new RawEvent(ProtocolEventKind.HolderEscape, RawScope.None, holder: MapHolder(parameter.Value)));
        }
    }

    /// <summary>
    /// A derived-variable event of the helper on the caller's variables: one the caller has no room for is dropped with
    /// its tests (unknown), and a value copied from such a variable is unknown.
    /// </summary>
    private void MapDerived(RawEvent e, List<RawEvent> events)
    {
        var variable = MapVariable(e.Holder);
        if (variable < 0)
            return;
        switch (e.Kind)
        {
            case ProtocolEventKind.DerivedFromStatus when MapHolder(e.SourceHolder) is var holder && holder >= 0:
                events.Add(RawEvent.DerivedFromStatus(variable, holder, e.Table));
                return;
            case ProtocolEventKind.DerivedFromDerived when MapVariable(e.SourceHolder) is var source && source >= 0:
                events.Add(RawEvent.DerivedFromDerived(variable, source, e.Table));
                return;
            case ProtocolEventKind.DerivedSet:
                events.Add(RawEvent.DerivedSet(variable, (int)e.Table));
                return;
            default:
                events.Add(RawEvent.DerivedSet(variable, 0));
                return;
        }
    }

    private int MapVariable(int variable) => variable < 0 || variable >= _variables.Length ? -1 : _variables[variable];

    private void Map(RawEvent e, List<RawEvent> events)
    {
        switch (e.Scope)
        {
            case RawScope.None:
                if (e.IsDerived)
                {
                    MapDerived(e, events);
                    return;
                }

                events.Add(new RawEvent(e.Kind, RawScope.None, holder: MapHolder(e.Holder), sourceHolder: MapHolder(e.SourceHolder), mask: e.Mask));
                return;
            case RawScope.Captured:
                return; // the helper's own lambdas: its own business
            case RawScope.StaticOfType or RawScope.AllStatic:
                events.Add(new RawEvent(e.Kind, e.Scope, site: MapSite(e), type: e.Type));
                return;
            case RawScope.ThisTouchedBy:
                if (_thisIsCallers)
                    events.Add(new RawEvent(e.Kind, e.Scope, callee: e.Callee));
                else if (_this is not null)
                    events.Add(new RawEvent(ProtocolEventKind.Havoc, RawScope.Prefix, _this));
                return;
        }

        if (e.Path is not { } path || MapPath(path) is not { } mapped)
            return; // a doorbell of the helper's own, or one the caller cannot name
        var site = e.Kind == ProtocolEventKind.ReadStatus ? KeptReadSite(e) : MapSite(e, path);
        events.Add(new RawEvent(e.Kind, e.Scope, mapped, site, MapHolder(e.Holder), MapHolder(e.SourceHolder), e.Created, e.Type, e.Mask, e.Callee));
    }

    /// <summary>The caller's key for a key of the helper; null for the helper's own locals and what the caller cannot name.</summary>
    private AccessPath? MapPath(AccessPath path)
    {
        AccessPath? root;
        switch (path.Kind)
        {
            case AccessRootKind.Static:
                return path;
            case AccessRootKind.This:
                root = _thisIsCallers ? path : _this;
                if (_thisIsCallers || root is null)
                    return root;
                break;
            default:
                var symbol = path.Root!;
                if (!SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, _helper.Method))
                    return _helper.Method.MethodKind == MethodKind.LocalFunction ? path : null; // what a local function captures is the caller's
                if (symbol is not IParameterSymbol parameter || !_arguments.TryGetValue(parameter, out var argument) || argument.Value.Kind != ValueKind.Key)
                    return null;
                root = argument.Value.Path;
                break;
        }

        foreach (var step in path.Steps)
            root = root?.Then(step);
        return root;
    }

    private int MapHolder(int holder) =>
        holder < 0 ? holder : holder == HolderTable.Scratch ? HolderTable.Scratch : holder < _holders.Length ? _holders[holder] : -1;

    private int MapSite(RawEvent e, AccessPath? path = null)
    {
        if (e.Site < 0)
            return -1;
        var text = path is null ? _helper.Method.Name : TextOf(path);
        var reportedByHelper = path is null || !HelperCalls.LeavesObligationsToCallers(_helper.Method, path);
        if (!_sitesByText.TryGetValue((text, reportedByHelper), out var site))
        {
            site = _walker.Sites.AddInlined(CallLocation(), text, reportedByHelper, _inlining, statusHandedBack: _helper.ReturnHolder >= 0);
            _sitesByText[(text, reportedByHelper)] = site;
        }

        return site;
    }

    /// <summary>
    /// A read that a helper keeping its status made (or a helper it calls made): marked with this call, so that a status
    /// read after a ring of this same call is left to the helper's body, which reports it. -1 for a read handed back.
    /// </summary>
    private int KeptReadSite(RawEvent read)
    {
        if (!_keepsStatus && read.Site < 0)
            return -1;
        if (_keptReadSite < 0)
            _keptReadSite = _walker.Sites.AddInlined(CallLocation(), _helper.Method.Name, reportedByHelper: true, _inlining, statusHandedBack: false);
        return _keptReadSite;
    }

    /// <summary>How the caller writes the doorbell a helper's key names: the argument or receiver, then the members.</summary>
    private string TextOf(AccessPath path)
    {
        string root;
        switch (path.Kind)
        {
            case AccessRootKind.Static:
                root = path.Root!.Name;
                break;
            case AccessRootKind.This:
                root = _thisIsCallers ? string.Empty : _thisText ?? string.Empty;
                break;
            default:
                root = path.Root is IParameterSymbol parameter && _arguments.TryGetValue(parameter, out var argument)
                    ? StripConversions(argument.Syntax)!.Syntax.ToString()
                    : path.Root!.Name;
                break;
        }

        var steps = string.Join(".", path.Steps.Select(step => step.Name));
        return root.Length == 0 ? (steps.Length == 0 ? "this" : steps) : steps.Length == 0 ? root : root + "." + steps;
    }

    private Location CallLocation()
    {
        var syntax = _call.Syntax;
        while (syntax.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == syntax)
            syntax = conditional;
        return syntax.GetLocation();
    }
}

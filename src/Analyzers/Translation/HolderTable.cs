using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Numbers the places a status value can be held in: status locals, flow captures of a status, and the places the
/// syntax-directed builder makes for a branching expression's value. The last holder is a scratch for a value tested
/// in place (<c>if (d.ReadStatus() == ...)</c>) and never held anywhere.
/// </summary>
internal sealed class HolderTable
{
    public const int Scratch = ProtocolElement.MaxHolders - 1;

    private readonly ProtocolSymbols _symbols;
    private readonly Dictionary<ILocalSymbol, int> _locals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CaptureId, int> _captures = new();
    private readonly Dictionary<IOperation, int> _values = new();
    private readonly Dictionary<IParameterSymbol, int> _parameters = new(SymbolEqualityComparer.Default);
    private int _next;

    /// <summary>How many holders are taken (the scratch aside).</summary>
    public int Count => _next;

    /// <summary>The holders of status parameters: where a caller's status arrives when a helper is inlined.</summary>
    public IReadOnlyDictionary<IParameterSymbol, int> Parameters => _parameters;

    /// <summary>The holder of a status parameter; -1 for a parameter of another type, or when every holder is taken.</summary>
    public int ForParameter(IParameterSymbol parameter)
    {
        if (!_symbols.IsStatus(parameter.Type))
            return -1;
        if (_parameters.TryGetValue(parameter, out var holder))
            return holder;
        holder = Next();
        _parameters[parameter] = holder;
        return holder;
    }

    /// <summary>A holder of its own, for an inlined helper's holders; -1 when every holder is taken.</summary>
    public int Fresh() => Next();

    public HolderTable(ProtocolSymbols symbols) => _symbols = symbols;

    /// <summary>The holder of a status local; -1 for a local of another type, or when every holder is taken.</summary>
    public int ForLocal(ILocalSymbol local)
    {
        if (_locals.TryGetValue(local, out var holder))
            return holder;
        if (!_symbols.IsStatus(local.Type))
            return -1;
        holder = Next();
        _locals[local] = holder;
        return holder;
    }

    /// <summary>A local of another type that is given a status (raw code's <c>uint status = *(uint*)address;</c>): a holder from here on; -1 when every holder is taken.</summary>
    public int Adopt(ILocalSymbol local)
    {
        if (_locals.TryGetValue(local, out var holder))
            return holder;
        holder = Next();
        if (holder >= 0)
            _locals[local] = holder;
        return holder;
    }

    /// <summary>The holder of a flow capture; allocated only when asked to.</summary>
    public int ForCapture(CaptureId id, bool allocate)
    {
        if (_captures.TryGetValue(id, out var holder))
            return holder;
        if (!allocate)
            return -1;
        holder = Next();
        _captures[id] = holder;
        return holder;
    }

    /// <summary>The holder of a branching expression's value (<c>c ? d.ReadStatus() : s</c>), as the graph's capture of it would be.</summary>
    public int ForValue(IOperation expression, bool allocate)
    {
        if (_values.TryGetValue(expression, out var holder))
            return holder;
        if (!allocate)
            return -1;
        holder = Next();
        _values[expression] = holder;
        return holder;
    }

    private int Next() => _next < Scratch ? _next++ : -1;
}

using System;
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

    private static readonly IReadOnlyDictionary<IParameterSymbol, int> s_noParameters = new Dictionary<IParameterSymbol, int>(SymbolEqualityComparer.Default);

    private readonly ProtocolSymbols _symbols;

    // What holds each holder taken for a local, a capture or a value, searched in order: there are fewer than
    // MaxHolders of them (a key asked for once every holder is taken gets -1 and is not kept, which answers alike), so a
    // small array, made on the first holder, does what three dictionaries made for every function did.
    private Entry[]? _entries;
    private int _entryCount;
    private Dictionary<IParameterSymbol, int>? _parameters;
    private int _next;

    public HolderTable(ProtocolSymbols symbols) => _symbols = symbols;

    /// <summary>How many holders are taken (the scratch aside).</summary>
    public int Count => _next;

    /// <summary>The holders of status parameters: where a caller's status arrives when a helper is inlined.</summary>
    public IReadOnlyDictionary<IParameterSymbol, int> Parameters => _parameters ?? s_noParameters;

    /// <summary>The holder of a status parameter; -1 for a parameter of another type, or when every holder is taken.</summary>
    public int ForParameter(IParameterSymbol parameter)
    {
        if (!_symbols.IsStatus(parameter.Type))
            return -1;
        _parameters ??= new Dictionary<IParameterSymbol, int>(SymbolEqualityComparer.Default);
        if (_parameters.TryGetValue(parameter, out var holder))
            return holder;
        holder = Next();
        _parameters[parameter] = holder;
        return holder;
    }

    /// <summary>A holder of its own, for an inlined helper's holders; -1 when every holder is taken.</summary>
    public int Fresh() => Next();

    /// <summary>The holder of a status local; -1 for a local of another type, or when every holder is taken.</summary>
    public int ForLocal(ILocalSymbol local)
    {
        var known = Find(local);
        if (known >= 0 || !_symbols.IsStatus(local.Type))
            return known;
        return Keep(new Entry(local, null, default, isCapture: false, Next()));
    }

    /// <summary>A local of another type that is given a status (raw code's <c>uint status = *(uint*)address;</c>): a holder from here on; -1 when every holder is taken.</summary>
    public int Adopt(ILocalSymbol local)
    {
        var known = Find(local);
        return known >= 0 ? known : Keep(new Entry(local, null, default, isCapture: false, Next()));
    }

    private int Find(ILocalSymbol local)
    {
        for (var i = 0; i < _entryCount; i++)
        {
            if (_entries![i].Local is { } known && SymbolEqualityComparer.Default.Equals(known, local))
                return _entries[i].Holder;
        }

        return -1;
    }

    /// <summary>The holder of a flow capture; allocated only when asked to.</summary>
    public int ForCapture(CaptureId id, bool allocate)
    {
        for (var i = 0; i < _entryCount; i++)
        {
            if (_entries![i].IsCapture && _entries[i].Capture.Equals(id))
                return _entries[i].Holder;
        }

        return allocate ? Keep(new Entry(null, null, id, isCapture: true, Next())) : -1;
    }

    /// <summary>The holder of a branching expression's value (<c>c ? d.ReadStatus() : s</c>), as the graph's capture of it would be.</summary>
    public int ForValue(IOperation expression, bool allocate)
    {
        for (var i = 0; i < _entryCount; i++)
        {
            if (ReferenceEquals(_entries![i].Value, expression))
                return _entries[i].Holder;
        }

        return allocate ? Keep(new Entry(null, expression, default, isCapture: false, Next())) : -1;
    }

    private int Keep(Entry entry)
    {
        if (entry.Holder < 0)
            return -1;
        _entries ??= new Entry[4];
        if (_entryCount == _entries.Length)
            Array.Resize(ref _entries, _entries.Length * 2);
        _entries[_entryCount++] = entry;
        return entry.Holder;
    }

    private int Next() => _next < Scratch ? _next++ : -1;

    private readonly struct Entry
    {
        public Entry(ILocalSymbol? local, IOperation? value, CaptureId capture, bool isCapture, int holder)
        {
            Local = local;
            Value = value;
            Capture = capture;
            IsCapture = isCapture;
            Holder = holder;
        }

        public ILocalSymbol? Local { get; }

        public IOperation? Value { get; }

        public CaptureId Capture { get; }

        public bool IsCapture { get; }

        public int Holder { get; }
    }
}

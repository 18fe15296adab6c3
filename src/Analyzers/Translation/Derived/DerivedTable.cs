using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Numbers a function's derived variables (<see cref="DerivedLocals"/>, at most <see cref="DerivedValues.MaxVariables"/>)
/// and, per variable, the constants it is given or tested against (codes 1..<see cref="DerivedValues.MaxCodes"/>).
/// Past either bound a value is unknown, as for any local we do not follow. Nothing is scanned until a local of a
/// derivable type is met.
/// </summary>
internal sealed class DerivedTable
{
    private readonly ProtocolSymbols _symbols;
    private readonly Dictionary<ILocalSymbol, int> _locals = new(SymbolEqualityComparer.Default);
    private readonly List<List<long>> _values = new();
    private readonly Dictionary<object, int> _temporaries = new();
    private int _temporaryVariables;
    private readonly IOperation _root;
    private HashSet<ILocalSymbol>? _candidates;
    private HashSet<ILocalSymbol>? _escaping;

    public DerivedTable(ProtocolSymbols symbols, IOperation root)
    {
        _symbols = symbols;
        _root = root;
    }

    /// <summary>How many variables are numbered.</summary>
    public int Count => _values.Count;

    /// <summary>The variable of <paramref name="local"/>; -1 when it is no derived variable or every variable is taken.</summary>
    public int ForLocal(ILocalSymbol local)
    {
        if (!DerivedLocals.IsDerivableType(local.Type, _symbols.IsStatus))
            return -1;
        if (_locals.TryGetValue(local, out var variable))
            return variable;
        _candidates ??= DerivedLocals.Collect(_root, _symbols.IsStatus, out _escaping);
        variable = _candidates.Contains(local) ? NewVariable() : -1;
        _locals[local] = variable;
        return variable;
    }

    /// <summary>
    /// The variable of a branching expression's value (a graph's flow capture, or the expression the syntax-directed
    /// builder holds it for), allocated on first ask; -1 when every variable is taken. Such a variable is forgotten once read.
    /// </summary>
    public int ForTemporary(object capture)
    {
        if (_temporaries.TryGetValue(capture, out var variable))
            return variable;
        variable = NewVariable();
        _temporaries[capture] = variable;
        if (variable >= 0)
            _temporaryVariables |= 1 << variable;
        return variable;
    }

    /// <summary>
    /// A variable of the caller for an inlined helper's variable <paramref name="key"/> (the helper and its variable: the
    /// calls of one helper share them, each call setting them before use), its codes standing for <paramref name="values"/>;
    /// -1 when every variable is taken or the codes disagree.
    /// </summary>
    public int ForInlined(object key, IReadOnlyList<long> values)
    {
        var variable = ForTemporary(key);
        if (variable < 0)
            return -1;
        var own = _values[variable];
        for (var i = 0; i < values.Count; i++)
        {
            if (i < own.Count ? own[i] != values[i] : Code(variable, values[i]) != i + 1)
                return -1;
        }

        return variable;
    }

    /// <summary>The values each variable's codes stand for, for a helper's summary.</summary>
    public IReadOnlyList<IReadOnlyList<long>> AllValues() => _values;

    /// <summary>The variable of a capture allocated before, or -1.</summary>
    public int TemporaryOf(object capture) => _temporaries.TryGetValue(capture, out var variable) ? variable : -1;

    /// <summary>Whether <paramref name="variable"/> holds a branching expression's value.</summary>
    public bool IsTemporary(int variable) => (_temporaryVariables & (1 << variable)) != 0;

    private int NewVariable()
    {
        if (_values.Count >= DerivedValues.MaxVariables)
            return -1;
        _values.Add(new List<long>());
        return _values.Count - 1;
    }

    /// <summary>The local is read other than by tests: a status test stored in it is handed on, as one returned is.</summary>
    public bool Escapes(ILocalSymbol local) => _escaping is null || _escaping.Contains(local);

    /// <summary>The code of <paramref name="value"/> in <paramref name="variable"/>; 0 (unknown) when its codes are used up.</summary>
    public int Code(int variable, long value)
    {
        var values = _values[variable];
        var index = values.IndexOf(value);
        if (index >= 0)
            return index + 1;
        if (values.Count >= DerivedValues.MaxCodes)
            return 0;
        values.Add(value);
        return values.Count;
    }

    /// <summary>The codes <paramref name="variable"/> has so far and the values they stand for.</summary>
    public IReadOnlyList<long> ValuesOf(int variable) => _values[variable];
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// The value of an expression that the control-flow graph would hold in a flow capture: a branching expression's
/// result, a switch's subject, a conditional access's receiver. Each definition is translated as the graph path
/// translates a capture's definition (<see cref="EventWalker"/>), so both paths agree on what the value is: the key
/// every definition names, a status holder, or nothing we follow.
/// </summary>
internal sealed class ResultCapture
{
    private readonly EventWalker _walker;
    private readonly int _variable = -1;
    private readonly bool _single;

    // A single definition that is a derived value (switch (Classify(s))): the value names that variable.
    private int _adopted = -1;
    private int _holder;

    // The first creation's site while every definition so far creates a doorbell; -1 before any, -2 once one does not.
    private int _createdSite = -1;

    public ResultCapture(EventWalker walker, IOperation expression, ImmutableArray<IOperation?> definitions)
    {
        _walker = walker;
        Expression = expression;
        _single = definitions.Length == 1;
        _holder = -1;
        // A bool, enum or integer made of constants and status tests: a derived variable, as the graph's capture is (raw
        // code's integers too, before they are taken for a status word).
        if (!walker.Symbols.IsStatus(expression.Type))
        {
            _variable = walker.DerivedTemporary(expression, expression.Type, definitions);
            if (_variable >= 0)
                return;
        }

        if (walker.Symbols.MayTestStatus(expression.Type))
        {
            // A status capture is a holder, never a key.
            _holder = walker.Holders.ForValue(expression, allocate: true);
            return;
        }

        foreach (var definition in definitions)
        {
            var path = definition is null ? null : walker.Paths.TryPath(definition);
            if (path is null || (CommonPath is not null && !CommonPath.Equals(path)))
            {
                CommonPath = null;
                return;
            }

            CommonPath = path;
        }
    }

    /// <summary>The expression whose value this is.</summary>
    public IOperation Expression { get; }

    /// <summary>The key every definition names; then the value is that key and its definitions cost nothing.</summary>
    public AccessPath? CommonPath { get; }

    /// <summary>A definition by an operation, walked where the current block is.</summary>
    public void Define(IOperation definition)
    {
        if (CommonPath is not null)
            return;
        if (_variable >= 0)
        {
            _walker.DefineDerived(_variable, definition);
            return;
        }

        DefineValue(_walker.Walk(definition), definition.Type);
    }

    /// <summary>A definition whose value is already known (a capture's own value, a constant).</summary>
    public void DefineValue(WalkValue value, ITypeSymbol? type)
    {
        if (CommonPath is not null)
            return;
        if (_variable >= 0)
        {
            _walker.DefineDerived(_variable, value);
            return;
        }

        if (_single && value.Kind == ValueKind.Derived && !value.Negated)
        {
            _adopted = value.Variable;
            return;
        }

        _createdSite = value.Kind != ValueKind.Created ? -2 : _createdSite == -1 ? value.Site : _createdSite;
        if (value.Kind == ValueKind.Key)
        {
            // Different doorbells on different paths ((a ?? b).Ring(v)): say nothing about them.
            _walker.Consume(value);
            return;
        }

        var statusTyped = _walker.Symbols.IsStatus(type) || value.Kind is ValueKind.Read or ValueKind.Holder;
        if (_holder < 0 && statusTyped)
            _holder = _walker.Holders.ForValue(Expression, allocate: true);
        if (_holder >= 0)
            _walker.Bind(_holder, value);
        else
            _walker.Consume(value);
    }

    /// <summary>The value where it is used.</summary>
    public WalkValue Use() =>
        _variable >= 0 ? WalkValue.DerivedOf(_variable, negated: false) : _adopted >= 0 ? WalkValue.DerivedOf(_adopted, negated: false) : _createdSite >= 0 ? WalkValue.CreatedAt(_createdSite) : _holder >= 0 ? WalkValue.HolderOf(_holder) : CommonPath is not null ? WalkValue.KeyOf(CommonPath) : WalkValue.Other;

    /// <summary>The derived variable this value names, or -1.</summary>
    public int DerivedVariable => _variable >= 0 ? _variable : _adopted;

    /// <summary>What a null check of this value tells: a status is never null; a doorbell rung on a path is not null there.</summary>
    public (AccessPath? Path, int Holder) NullCheck() =>
        _holder >= 0 ? (null, _holder) : Expression.Type?.IsReferenceType == true ? (CommonPath, -1) : (null, -1);
}

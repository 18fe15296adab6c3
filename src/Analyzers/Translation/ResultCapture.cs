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
    private int _holder;

    public ResultCapture(EventWalker walker, IOperation expression, ImmutableArray<IOperation?> definitions)
    {
        _walker = walker;
        Expression = expression;
        _holder = -1;
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
        DefineValue(_walker.Walk(definition), definition.Type);
    }

    /// <summary>A definition whose value is already known (a capture's own value, a constant).</summary>
    public void DefineValue(WalkValue value, ITypeSymbol? type)
    {
        if (CommonPath is not null)
            return;
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
        _holder >= 0 ? WalkValue.HolderOf(_holder) : CommonPath is not null ? WalkValue.KeyOf(CommonPath) : WalkValue.Other;

    /// <summary>What a null check of this value tells: a status is never null; a doorbell rung on a path is not null there.</summary>
    public (AccessPath? Path, int Holder) NullCheck() =>
        _holder >= 0 ? (null, _holder) : Expression.Type?.IsReferenceType == true ? (CommonPath, -1) : (null, -1);
}

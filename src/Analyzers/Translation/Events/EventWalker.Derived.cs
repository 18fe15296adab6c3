using System.Collections.Generic;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Derived variables: locals computed from a status (<c>bool retry = s == DisconnectedRetry;</c>) or set to constants on
/// the paths that tested it, and the conditions that test them. Assignments become derived-variable events, tests
/// become edge guards (<see cref="DerivedValues"/>).
/// </summary>
internal partial class EventWalker
{
    private IOperation? _derivedRoot;
    private DerivedTable? _derived;

    /// <summary>The function body whose locals may be derived variables; unset leaves every local unknown.</summary>
    public void SetDerivedRoot(IOperation root) => _derivedRoot = root;

    /// <summary>In a helper's summary: the derived variable its bool, enum or integer result goes to, or -1.</summary>
    public int ReturnVariable { get; private set; } = -1;

    /// <summary>The derived variables' values, for a helper's summary (none when it has none).</summary>
    public IReadOnlyList<IReadOnlyList<long>> DerivedValuesOf() => _derived?.AllValues() ?? System.Array.Empty<IReadOnlyList<long>>();

    /// <summary>A helper's summary whose result type a derived variable can hold: every return sets that variable.</summary>
    public void ReturnDerived(ITypeSymbol returnType)
    {
        if (_derivedRoot is null || !DerivedLocals.IsDerivableType(returnType, _symbols.IsStatus))
            return;
        _derived ??= new DerivedTable(_symbols, _derivedRoot);
        ReturnVariable = _derived.ForTemporary(s_returnKey);
    }

    private static readonly object s_returnKey = new();

    /// <summary>The caller's variable for an inlined helper's variable (shared by the calls of that helper), or -1.</summary>
    public int InlinedVariable(IMethodSymbol helper, int variable, IReadOnlyList<long> values)
    {
        if (_derivedRoot is null)
            return -1;
        _derived ??= new DerivedTable(_symbols, _derivedRoot);
        return _derived.ForInlined((helper, variable), values);
    }

    /// <summary>
    /// A branch on a value already walked: a bool held in a derived variable (a helper's answer, <c>if (IsRetry(s))</c>);
    /// the variable and the codes for which it is true.
    /// </summary>
    public bool TryTestWalked(WalkValue value, ITypeSymbol? type, out int variable, out ushort whenTrue)
    {
        variable = -1;
        whenTrue = DerivedValues.AllCodes;
        if (value.Kind != ValueKind.Derived || type?.SpecialType != SpecialType.System_Boolean)
            return false;
        var code = _derived!.Code(value.Variable, value.Negated ? 0 : 1);
        if (code == 0)
            return false;
        variable = value.Variable;
        whenTrue = (ushort)(1 << code);
        return true;
    }

    // The graph path: captures whose one definition so far is a derived value (switch (Classify(s))): they name its variable.
    private Dictionary<CaptureId, int>? _adoptedCaptures;

    /// <summary>A capture defined by a derived value takes its variable; a second, different definition leaves it unknown.</summary>
    private bool TryAdopt(CaptureId id, WalkValue value)
    {
        if (value.Kind != ValueKind.Derived || value.Negated)
            return false;
        _adoptedCaptures ??= new Dictionary<CaptureId, int>();
        _adoptedCaptures[id] = _adoptedCaptures.TryGetValue(id, out var known) && known != value.Variable ? -1 : value.Variable;
        return true;
    }

    // Set while walking the value of a derived variable that is only ever tested: its status test is followed, not handed on.
    private bool _followingTest;

    /// <summary>The value assigned to a derived variable: a status test in it separates nothing when the variable is only tested.</summary>
    private WalkValue WalkDerivedValue(ILocalSymbol local, IOperation value)
    {
        var outer = _followingTest;
        _followingTest = !_derived!.Escapes(local);
        try
        {
            return Walk(value);
        }
        finally
        {
            _followingTest = outer;
        }
    }

    /// <summary>
    /// The derived variable of a branching expression's value (<paramref name="key"/>: the graph's capture id, or the
    /// expression), when its type can be held and some definition is a constant or a status test; else -1.
    /// </summary>
    public int DerivedTemporary(object key, ITypeSymbol? type, System.Collections.Generic.IEnumerable<IOperation?> definitions)
    {
        if (_derivedRoot is null || !DerivedLocals.IsDerivableType(type, _symbols.IsStatus))
            return -1;
        foreach (var definition in definitions)
        {
            if (DerivedLocals.IsDerivingDefinition(definition, _symbols.IsStatus))
            {
                _derived ??= new DerivedTable(_symbols, _derivedRoot);
                return _derived.ForTemporary(key);
            }
        }

        return -1;
    }

    /// <summary>A definition of a branching expression's value held in derived variable <paramref name="variable"/>: a status test in it is handed on, as the graph's capture would hand it.</summary>
    public void DefineDerived(int variable, IOperation definition)
    {
        var outer = _followingTest;
        _followingTest = false;
        try
        {
            DefineDerived(variable, Walk(definition));
        }
        finally
        {
            _followingTest = outer;
        }
    }

    /// <summary>Derived variable <paramref name="variable"/> gets <paramref name="value"/>; a value of another kind is consumed as well.</summary>
    public void DefineDerived(int variable, WalkValue value)
    {
        Derive(variable, value);
        if (value.Kind is not (ValueKind.Derived or ValueKind.StatusTest or ValueKind.Constant))
            Consume(value);
    }

    /// <summary>The derived variable of <paramref name="local"/>, or -1.</summary>
    private int DerivedVariable(ILocalSymbol local)
    {
        if (_derivedRoot is null || !DerivedLocals.IsDerivableType(local.Type, _symbols.IsStatus))
            return -1;
        // Raw code keeps its status in an integer local (uint status = *(uint*)address): a holder, not a derived value.
        if (_symbols.Raw && RawD3dkmt.IsStatusWord(local.Type) && Holders.ForLocal(local) >= 0)
            return -1;
        _derived ??= new DerivedTable(_symbols, _derivedRoot);
        return _derived.ForLocal(local);
    }

    /// <summary>A bool, integer or enum constant (a bool as 0 or 1); false for anything else.</summary>
    private bool TryDerivableConstant(IOperation operation, out long value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue || !DerivedLocals.IsDerivableType(operation.Type, _symbols.IsStatus))
            return false;
        if (operation.ConstantValue.Value is bool flag)
        {
            value = flag ? 1 : 0;
            return true;
        }

        return StatusConditions.TryConstant(operation, out value);
    }

    /// <summary><c>!x</c> on a derived value, a status test or a constant; anything else is walked and dropped.</summary>
    private WalkValue WalkNot(IUnaryOperation not)
    {
        var operand = Walk(not.Operand);
        switch (operand.Kind)
        {
            case ValueKind.Derived:
                return WalkValue.DerivedOf(operand.Variable, !operand.Negated);
            case ValueKind.StatusTest:
                return WalkValue.StatusTestOf(operand.Holder, (byte)(~operand.Mask & StatusMask.All));
            case ValueKind.Constant:
                return WalkValue.ConstantOf(operand.Constant == 0 ? 1 : 0);
            default:
                Consume(operand);
                return WalkValue.Other;
        }
    }

    /// <summary>Derived variable <paramref name="variable"/> gets <paramref name="value"/>: a constant, a status test, another variable, or unknown.</summary>
    private void Derive(int variable, WalkValue value)
    {
        var table = _derived!;
        switch (value.Kind)
        {
            case ValueKind.Constant:
                Emit(RawEvent.DerivedSet(variable, table.Code(variable, value.Constant)));
                return;
            case ValueKind.StatusTest:
                ulong statusTable = 0;
                for (var status = 0; status < 4; status++)
                    statusTable = DerivedValues.WithEntry(statusTable, status, table.Code(variable, StatusMask.Contains(value.Mask, status) ? 1 : 0));
                Emit(RawEvent.DerivedFromStatus(variable, value.Holder, statusTable));
                return;
            case ValueKind.Derived when value.Variable == variable && !value.Negated:
                return;
            case ValueKind.Derived:
                var source = table.ValuesOf(value.Variable);
                ulong codeTable = 0;
                for (var code = 1; code <= source.Count; code++)
                {
                    var copied = value.Negated ? (source[code - 1] == 0 ? 1 : 0) : source[code - 1];
                    codeTable = DerivedValues.WithEntry(codeTable, code, table.Code(variable, copied));
                }

                Emit(RawEvent.DerivedFromDerived(variable, value.Variable, codeTable));
                ForgetTemporary(value);
                return;
            default:
                Emit(RawEvent.DerivedSet(variable, 0));
                return;
        }
    }

    /// <summary>A branching expression's value is read once: forgetting it keeps paths that differ only in it together.</summary>
    private void ForgetTemporary(WalkValue value)
    {
        if (value.Kind == ValueKind.Derived && _derived!.IsTemporary(value.Variable))
            Emit(RawEvent.DerivedSet(value.Variable, 0));
    }

    /// <summary>
    /// A branch condition on a derived variable (<c>if (retry)</c>, <c>if (!lost)</c>, <c>step == Step.Done</c>,
    /// <c>step is Step.A or Step.B</c>, a switch's case on it): the variable and the value codes for which it is true.
    /// Such a condition has no effect of its own, so nothing is walked.
    /// </summary>
    public bool TryTestDerived(IOperation condition, out int variable, out ushort whenTrue)
    {
        variable = -1;
        whenTrue = DerivedValues.AllCodes;
        if (_derivedRoot is null)
            return false;
        condition = StripConversions(condition)!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                if (!TryTestDerived(not.Operand, out variable, out var inner))
                    return false;
                whenTrue = DerivedValues.Complement(inner);
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } binary:
                var left = StripConversions(binary.LeftOperand)!;
                var right = StripConversions(binary.RightOperand)!;
                if (!((DerivedSubject(left) is var l && l >= 0 && TryDerivableConstant(right, out var value) && (variable = l) >= 0) ||
                      (DerivedSubject(right) is var r && r >= 0 && TryDerivableConstant(left, out value) && (variable = r) >= 0)))
                    return false;
                var code = _derived!.Code(variable, value);
                if (code == 0)
                    return false;
                whenTrue = (ushort)(1 << code);
                if (binary.OperatorKind == BinaryOperatorKind.NotEquals)
                    whenTrue = DerivedValues.Complement(whenTrue);
                return true;
            case IIsPatternOperation isPattern:
                variable = DerivedSubject(StripConversions(isPattern.Value)!);
                return variable >= 0 && TryPatternCodes(variable, isPattern.Pattern, out whenTrue);
            default:
                variable = DerivedSubject(condition);
                if (variable < 0 || condition.Type?.SpecialType != SpecialType.System_Boolean)
                    return false;
                var truth = _derived!.Code(variable, 1);
                whenTrue = (ushort)(1 << truth);
                return truth != 0;
        }
    }

    /// <summary>A switch case's constant label on <paramref name="variable"/>: the code it matches.</summary>
    public bool TryTestDerivedConstant(int variable, IOperation value, out ushort codes)
    {
        codes = DerivedValues.AllCodes;
        if (!TryDerivableConstant(StripConversions(value)!, out var constant))
            return false;
        var code = _derived!.Code(variable, constant);
        codes = (ushort)(1 << code);
        return code != 0;
    }

    /// <summary>The codes a constant pattern (with <c>not</c>, <c>or</c>, <c>and</c>) matches in <paramref name="variable"/>.</summary>
    public bool TryPatternCodes(int variable, IPatternOperation pattern, out ushort codes)
    {
        codes = DerivedValues.AllCodes;
        switch (pattern)
        {
            case IConstantPatternOperation constant when TryDerivableConstant(StripConversions(constant.Value)!, out var value):
                var code = _derived!.Code(variable, value);
                codes = (ushort)(1 << code);
                return code != 0;
            case INegatedPatternOperation negated when TryPatternCodes(variable, negated.Pattern, out var inner):
                codes = DerivedValues.Complement(inner);
                return true;
            case IBinaryPatternOperation binary when TryPatternCodes(variable, binary.LeftPattern, out var left) && TryPatternCodes(variable, binary.RightPattern, out var right):
                codes = binary.OperatorKind == BinaryOperatorKind.Or ? (ushort)(left | right) : (ushort)(left & right);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The derived variable an operand names: the local, or the graph's capture of it (a switch's subject); -1 otherwise.</summary>
    public int DerivedSubject(IOperation operand)
    {
        if (_derivedRoot is null)
            return -1;
        switch (StripConversions(operand))
        {
            case ILocalReferenceOperation local:
                return DerivedVariable(local.Local);
            case IFlowCaptureReferenceOperation capture when _derived?.TemporaryOf(capture.Id) is { } temporary && temporary >= 0:
                return temporary;
            case IFlowCaptureReferenceOperation capture when _adoptedCaptures is not null && _adoptedCaptures.TryGetValue(capture.Id, out var adopted):
                return adopted;
            case IFlowCaptureReferenceOperation capture when Paths.TryCapturePath(capture.Id, out var path) && path.Kind == AccessRootKind.Local && path.Steps.IsEmpty && path.Root is ILocalSymbol captured:
                return DerivedVariable(captured);
            default:
                return -1;
        }
    }
}

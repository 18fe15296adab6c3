using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Which locals of a function may be derived variables: a bool, an enum of the user's own or an integer declared in
/// the function, written only by plain assignments (no <c>++</c>, compound assignment, <c>ref</c>/<c>out</c>, address,
/// deconstruction, pattern, or use from a nested function), and tested somewhere by a condition or a switch. One scan of
/// the body, made only when a function that rings assigns such a local.
/// </summary>
internal static class DerivedLocals
{
    /// <summary>A type whose values a derived variable can hold as constants: bool, an integer, an enum other than the status.</summary>
    public static bool IsDerivableType(ITypeSymbol? type, Func<ITypeSymbol?, bool> isStatus) => type is not null && !isStatus(type) && (type.TypeKind == TypeKind.Enum || type.SpecialType is
        SpecialType.System_Boolean or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Char);

    /// <summary>
    /// A definition of a branching expression's value (an arm of <c>?:</c> or <c>switch</c>, a side of <c>&amp;&amp;</c>)
    /// that makes that value worth a derived variable: a constant (null: the constant the language supplies) or a status test.
    /// </summary>
    public static bool IsDerivingDefinition(IOperation? definition, Func<ITypeSymbol?, bool> isStatus)
    {
        if (definition is null)
            return true;
        if (definition.ConstantValue.HasValue && IsDerivableType(definition.Type, isStatus))
            return true;
        return StatusConditions.TryRead(definition, isStatus, out _, out _, out _);
    }

    /// <summary>
    /// The locals of <paramref name="root"/> that qualify; <paramref name="escaping"/>: those of them also read other than
    /// by a test (returned, passed on, copied), whose status test is handed to whoever reads them.
    /// </summary>
    public static HashSet<ILocalSymbol> Collect(IOperation root, Func<ITypeSymbol?, bool> isStatus, out HashSet<ILocalSymbol> escaping)
    {
        var declared = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var excluded = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var tested = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        escaping = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        Scan(root, nested: false, isStatus, declared, excluded, tested, escaping);
        declared.IntersectWith(tested);
        declared.ExceptWith(excluded);
        return declared;
    }

    private static void Scan(IOperation operation, bool nested, Func<ITypeSymbol?, bool> isStatus, HashSet<ILocalSymbol> declared, HashSet<ILocalSymbol> excluded, HashSet<ILocalSymbol> tested, HashSet<ILocalSymbol> escaping)
    {
        var stack = new Stack<(IOperation Operation, bool Nested)>();
        stack.Push((operation, nested));
        while (stack.Count > 0)
        {
            var (current, inNested) = stack.Pop();
            switch (current)
            {
                case IVariableDeclaratorOperation declarator when !inNested && !declarator.Symbol.IsRef && IsDerivableType(declarator.Symbol.Type, isStatus):
                    declared.Add(declarator.Symbol);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal }:
                    excluded.Add(patternLocal);
                    break;
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol recursiveLocal }:
                    excluded.Add(recursiveLocal);
                    break;
                case ILocalReferenceOperation reference:
                    if (inNested || !IsPlainUse(reference))
                        excluded.Add(reference.Local);
                    else if (IsTested(reference))
                        tested.Add(reference.Local);
                    else if (reference.Parent is not ISimpleAssignmentOperation { Target: var target } || target != reference)
                        escaping.Add(reference.Local);
                    break;
            }

            var childNested = inNested || current is IAnonymousFunctionOperation or ILocalFunctionOperation;
            foreach (var child in current.ChildOperations)
                stack.Push((child, childNested));
        }
    }

    /// <summary>A read, or the target of a plain assignment: what the walker follows.</summary>
    private static bool IsPlainUse(ILocalReferenceOperation reference)
    {
        if (reference.IsDeclaration)
            return false; // out var x, var (a, b) = ...
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return !assignment.IsRef;
            case IAssignmentOperation assignment when assignment.Target == reference:
                return false; // compound, coalescing
            case IIncrementOrDecrementOperation or IAddressOfOperation or ITupleOperation or IDeclarationExpressionOperation:
                return false;
            case IArgumentOperation argument:
                return argument.Parameter is null || argument.Parameter.RefKind == RefKind.None;
            default:
                return true;
        }
    }

    /// <summary>The local decides a branch: a condition (through <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, a comparison with a constant, a pattern) or a switch's subject.</summary>
    private static bool IsTested(IOperation reference)
    {
        var current = reference;
        for (var steps = 0; steps < 8 && current.Parent is { } parent; steps++)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IIsPatternOperation:
                    current = parent;
                    continue;
                case IConditionalOperation conditional:
                    return conditional.Condition == current;
                case IWhileLoopOperation loop:
                    return loop.Condition == current;
                case IForLoopOperation loop:
                    return loop.Condition == current;
                case ISwitchOperation @switch:
                    return @switch.Value == current;
                default:
                    return false;
            }
        }

        return false;
    }
}

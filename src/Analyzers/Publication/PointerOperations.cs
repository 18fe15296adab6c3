using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Publication;

/// <summary>Small facts about pointer values in an operation tree: what a value is under its casts, where a local got its values.</summary>
internal static class PointerOperations
{
    /// <summary>The value under its conversions (<c>(ulong*)p</c>, <c>(void*)p</c>, implicit ones): the translation's own.</summary>
    public static IOperation StripConversions(IOperation operation) => OperationFacts.StripConversions(operation)!;

    /// <summary>
    /// The values <paramref name="local"/> is given in <paramref name="body"/> (its initializer, its assignments); a null
    /// entry for a change that has no single value (<c>p++</c>, <c>p += 8</c>, passed by <c>ref</c> or <c>out</c>, its address taken).
    /// </summary>
    public static List<IOperation?> DefinitionsOf(ILocalSymbol local, IOperation body)
    {
        var definitions = new List<IOperation?>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                        definitions.Add(initializer.Value);
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    switch (reference.Parent)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                            definitions.Add(assignment.Value);
                            break;
                        case ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IAddressOfOperation or IDeclarationExpressionOperation:
                        case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                            definitions.Add(null);
                            break;
                    }

                    break;
            }
        }

        return definitions;
    }

    /// <summary>
    /// Whether <paramref name="address"/> is a pointer as it was handed over, not moved by an offset: a field, a
    /// parameter, a property, a local only ever given such values, through casts and <c>ToPointer()</c>. Pointer
    /// arithmetic, an element's address and a call's result are not (a slot of the ring, or something we cannot see).
    /// </summary>
    public static bool IsPlainAddress(IOperation address, IOperation body) => IsPlainAddress(address, body, depth: 0);

    /// <summary>Whether two values name the same variable: one local, parameter, or field of this object or a static one.</summary>
    public static bool SameVariable(IOperation? left, IOperation? right)
    {
        if (left is null || right is null)
            return false;
        left = StripConversions(left);
        right = StripConversions(right);
        return (left, right) switch
        {
            (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
            (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
            (IFieldReferenceOperation a, IFieldReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Field, b.Field)
                && a.Instance is null or IInstanceReferenceOperation && b.Instance is null or IInstanceReferenceOperation,
            _ => false,
        };
    }

    private static bool IsPlainAddress(IOperation address, IOperation body, int depth)
    {
        address = StripConversions(address);
        switch (address)
        {
            case IFieldReferenceOperation or IParameterReferenceOperation:
                return true;
            case IPropertyReferenceOperation property:
                return property.Arguments.IsEmpty;
            case IInvocationOperation { TargetMethod.Name: "ToPointer", Instance: { } instance }:
                return IsPlainAddress(instance, body, depth);
            case ILocalReferenceOperation local when depth < 2:
                var definitions = DefinitionsOf(local.Local, body);
                if (definitions.Count == 0)
                    return false;
                foreach (var value in definitions)
                {
                    if (value is null || !IsPlainAddress(value, body, depth + 1))
                        return false;
                }

                return true;
            default:
                return false;
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Small facts about operations that every part of the translation asks.</summary>
internal static class OperationFacts
{
    /// <summary>The operand under conversions and parentheses: <c>(IDisposable)d</c> and <c>(d)</c> are <c>d</c>.</summary>
    public static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        while (operation is IParenthesizedOperation parenthesized)
            operation = parenthesized.Operand;
        return operation;
    }

    public static bool IsNullConstant(IOperation operation) =>
        StripConversions(operation) is { ConstantValue: { HasValue: true, Value: null } };

    public static bool IsNullable(ITypeSymbol? type) => type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}

using System;
using System.Globalization;
using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Conditions on a doorbell status, read as the set of statuses for which they are true (a <see cref="StatusMask"/>):
/// <c>==</c>, <c>!=</c>, relational operators against constants, <c>!</c>, and <c>is</c> patterns (constant,
/// relational, <c>not</c>, <c>or</c>, <c>and</c>, discard, type and declaration patterns). Pure functions of the
/// operation tree; whether a type is a status type is asked of the caller.
/// </summary>
internal static class StatusConditions
{
    /// <summary>
    /// When <paramref name="condition"/> tests a status subject: the subject, the statuses for which it is true, and
    /// the local an <c>is var s</c> / <c>is DoorbellStatus s</c> pattern declares (true for every status).
    /// </summary>
    public static bool TryRead(IOperation condition, Func<ITypeSymbol?, bool> isStatus, out IOperation subject, out byte whenTrue, out ILocalSymbol? declared)
    {
        subject = condition;
        whenTrue = StatusMask.All;
        declared = null;
        condition = StripConversions(condition)!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                if (!TryRead(not.Operand, isStatus, out subject, out var inner, out declared))
                    return false;
                whenTrue = (byte)(~inner & StatusMask.All);
                return true;
            case IBinaryOperation binary:
                var left = StripConversions(binary.LeftOperand)!;
                var right = StripConversions(binary.RightOperand)!;
                if (IsStatusSubject(left, isStatus) && TryConstant(right, out var constant))
                {
                    subject = left;
                    return TryRelational(binary.OperatorKind, constant, swapped: false, out whenTrue);
                }

                if (IsStatusSubject(right, isStatus) && TryConstant(left, out constant))
                {
                    subject = right;
                    return TryRelational(binary.OperatorKind, constant, swapped: true, out whenTrue);
                }

                return false;
            case IIsPatternOperation isPattern when IsStatusSubject(StripConversions(isPattern.Value)!, isStatus):
                subject = StripConversions(isPattern.Value)!;
                if (isPattern.Pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local })
                {
                    declared = local;
                    whenTrue = StatusMask.All;
                    return true;
                }

                return TryMask(isPattern.Pattern, isStatus, out whenTrue);
            default:
                return false;
        }
    }

    /// <summary>The statuses a pattern matches; false when some status cannot be decided.</summary>
    public static bool TryMask(IPatternOperation pattern, Func<ITypeSymbol?, bool> isStatus, out byte mask)
    {
        mask = 0;
        for (var status = 0; status < 4; status++)
        {
            var matches = Matches(pattern, status, isStatus);
            if (matches is null)
                return false;
            if (matches.Value)
                mask |= StatusMask.Of(status);
        }

        return true;
    }

    /// <summary>A status subject: a status, or a nullable status (<c>d?.ReadStatus()</c>).</summary>
    public static bool IsStatusSubject(IOperation operation, Func<ITypeSymbol?, bool> isStatus) => isStatus(operation.Type) ||
        (operation.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && isStatus(nullable.TypeArguments[0]));

    /// <summary>An integral constant (enum members included); false for null, bool, string and non-constants.</summary>
    public static bool TryConstant(IOperation operation, out long value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue || operation.ConstantValue.Value is null or bool or string)
            return false;
        try
        {
            value = Convert.ToInt64(operation.ConstantValue.Value, CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The statuses for which <c>status (op) constant</c> holds (or <c>constant (op) status</c> when swapped).</summary>
    public static bool TryRelational(BinaryOperatorKind kind, long constant, bool swapped, out byte whenTrue)
    {
        whenTrue = 0;
        for (var status = 0; status < 4; status++)
        {
            var (a, b) = swapped ? (constant, (long)status) : (status, constant);
            bool? holds = kind switch
            {
                BinaryOperatorKind.Equals => a == b,
                BinaryOperatorKind.NotEquals => a != b,
                BinaryOperatorKind.LessThan => a < b,
                BinaryOperatorKind.LessThanOrEqual => a <= b,
                BinaryOperatorKind.GreaterThan => a > b,
                BinaryOperatorKind.GreaterThanOrEqual => a >= b,
                _ => null,
            };
            if (holds is null)
                return false;
            if (holds.Value)
                whenTrue |= StatusMask.Of(status);
        }

        return true;
    }

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="status"/>; null when we cannot tell.</summary>
    public static bool? Matches(IPatternOperation pattern, int status, Func<ITypeSymbol?, bool> isStatus)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return TryConstant(StripConversions(constant.Value)!, out var value) ? value == status : null;
            case IRelationalPatternOperation relational:
                if (!TryConstant(StripConversions(relational.Value)!, out value) || !TryRelational(relational.OperatorKind, value, swapped: false, out var mask))
                    return null;
                return StatusMask.Contains(mask, status);
            case INegatedPatternOperation negated:
                return !Matches(negated.Pattern, status, isStatus);
            case IBinaryPatternOperation binary:
                var left = Matches(binary.LeftPattern, status, isStatus);
                var right = Matches(binary.RightPattern, status, isStatus);
                if (left is null || right is null)
                    return null;
                return binary.OperatorKind == BinaryOperatorKind.Or ? left.Value || right.Value : left.Value && right.Value;
            case IDiscardPatternOperation:
                return true;
            case ITypePatternOperation type:
                return isStatus(type.MatchedType) ? true : null;
            case IDeclarationPatternOperation { DeclaredSymbol: null } discardDeclaration:
                return discardDeclaration.MatchesNull || isStatus(discardDeclaration.MatchedType) ? true : null;
            default:
                return null;
        }
    }

    /// <summary>A null check (<c>x == null</c>, <c>x != null</c>, <c>x is null</c>, <c>x is not null</c>, and the graph's own <c>IsNull</c>): its subject, and whether true means null.</summary>
    public static bool TryReadNullCheck(IOperation condition, out IOperation subject, out bool nullWhenTrue)
    {
        subject = condition;
        nullWhenTrue = true;
        IOperation? found = null;
        switch (StripConversions(condition))
        {
            case IIsNullOperation isNull:
                found = isNull.Operand;
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                if (IsNullConstant(binary.RightOperand))
                    found = binary.LeftOperand;
                else if (IsNullConstant(binary.LeftOperand))
                    found = binary.RightOperand;
                nullWhenTrue = binary.OperatorKind == BinaryOperatorKind.Equals;
                break;
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern when IsNullConstant(constant.Value):
                found = isPattern.Value;
                break;
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } isPattern when IsNullConstant(constant.Value):
                found = isPattern.Value;
                nullWhenTrue = false;
                break;
        }

        if (found is null)
            return false;
        subject = found;
        return true;
    }
}

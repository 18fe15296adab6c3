using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>Recognises tests of the status: <c>s == X</c>, <c>s != X</c>, <c>s is X or Y</c>, switch labels and arms.</summary>
internal sealed class StatusTests
{
    private readonly RingSite _site;
    private readonly string? _statusName;
    private readonly bool _inlineReadsAreStatus;

    public StatusTests(RingSite site, string? statusName, bool inlineReadsAreStatus)
    {
        _site = site;
        _statusName = statusName;
        _inlineReadsAreStatus = inlineReadsAreStatus;
    }

    /// <summary>The expression is the status local (or, right after the ring, an inline read that becomes it).</summary>
    public bool IsOperand(ExpressionSyntax? expression)
    {
        if (expression is null)
        {
            return false;
        }

        expression = ProtocolSyntax.Unparenthesize(expression);
        if (expression is IdentifierNameSyntax identifier && _statusName is not null && identifier.Identifier.ValueText == _statusName)
        {
            return true;
        }

        return _inlineReadsAreStatus && StatusReadAfterRing.IsRead(_site, expression);
    }

    /// <summary>The condition is exactly "the status is <paramref name="member"/>".</summary>
    public bool IsOnly(ExpressionSyntax? condition, int member)
    {
        if (condition is null)
        {
            return false;
        }

        condition = ProtocolSyntax.Unparenthesize(condition);
        return condition switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals =>
                (IsOperand(equals.Left) && StatusValue(equals.Right) == member) || (IsOperand(equals.Right) && StatusValue(equals.Left) == member),
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } pattern =>
                IsOperand(pattern.Expression) && StatusValue(constant.Expression) == member,
            _ => false,
        };
    }

    /// <summary>Some test of the status under <paramref name="scope"/> names <paramref name="member"/>.</summary>
    public bool Mentions(SyntaxNode scope, int member)
    {
        foreach (var node in scope.DescendantNodesAndSelf(n => !ProtocolSyntax.IsFunction(n)))
        {
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    if ((IsOperand(binary.Left) && StatusValue(binary.Right) == member) || (IsOperand(binary.Right) && StatusValue(binary.Left) == member))
                    {
                        return true;
                    }

                    break;
                case IsPatternExpressionSyntax pattern when IsOperand(pattern.Expression):
                    if (PatternMentions(pattern.Pattern, member))
                    {
                        return true;
                    }

                    break;
                case SwitchStatementSyntax @switch when IsOperand(@switch.Expression):
                    if (@switch.Sections.SelectMany(s => s.Labels).Any(l => LabelMentions(l, member)))
                    {
                        return true;
                    }

                    break;
                case SwitchExpressionSyntax @switch when IsOperand(@switch.GoverningExpression):
                    if (@switch.Arms.Any(a => PatternMentions(a.Pattern, member)))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Some test of the status under <paramref name="scope"/> separates DisconnectedAbort and does something with it.
    /// A branch that only jumps away (<c>if (s == DisconnectedAbort) return;</c>) leaves the caller believing the work
    /// was submitted, and the analyzer does not count it: the fix then adds its own throw in front.
    /// </summary>
    public bool SeparatesAbort(SyntaxNode scope)
    {
        foreach (var node in scope.DescendantNodesAndSelf(n => !ProtocolSyntax.IsFunction(n)))
        {
            switch (node)
            {
                case IfStatementSyntax @if when Mentions(@if.Condition, DoorbellStatusValues.DisconnectedAbort):
                    if (!OnlyJumps(new[] { @if.Statement }))
                    {
                        return true;
                    }

                    break;
                case SwitchStatementSyntax @switch when IsOperand(@switch.Expression):
                    if (@switch.Sections.Any(SectionSeparatesAbort))
                    {
                        return true;
                    }

                    break;
                case ExpressionSyntax expression when expression is BinaryExpressionSyntax or IsPatternExpressionSyntax or SwitchExpressionSyntax
                    && !expression.Ancestors().TakeWhile(a => a != scope.Parent).Any(a => a is IfStatementSyntax or SwitchStatementSyntax)
                    && Mentions(expression, DoorbellStatusValues.DisconnectedAbort):
                    // The status turned into a value (return s != DisconnectedAbort;): whoever reads it handles abort.
                    return true;
            }
        }

        return false;
    }

    /// <summary>The switch section (of a switch on the status) has a DisconnectedAbort label and does something with it.</summary>
    public bool SectionSeparatesAbort(SwitchSectionSyntax section) =>
        section.Labels.Any(l => LabelMentions(l, DoorbellStatusValues.DisconnectedAbort)) && !OnlyJumps(section.Statements);

    /// <summary>The one status a switch label tests, or null.</summary>
    public int? LabelStatus(SwitchLabelSyntax label) => label switch
    {
        CaseSwitchLabelSyntax @case => StatusValue(@case.Value),
        CasePatternSwitchLabelSyntax { Pattern: ConstantPatternSyntax constant, WhenClause: null } => StatusValue(constant.Expression),
        _ => null,
    };

    public bool LabelMentions(SwitchLabelSyntax label, int member) => label switch
    {
        CaseSwitchLabelSyntax @case => StatusValue(@case.Value) == member,
        CasePatternSwitchLabelSyntax pattern => PatternMentions(pattern.Pattern, member),
        _ => false,
    };

    /// <summary>The statements only leave (<c>return;</c>, <c>break;</c>, <c>continue;</c>), doing nothing with the case.</summary>
    private static bool OnlyJumps(IEnumerable<StatementSyntax> statements) =>
        statements.SelectMany(StatementContainer.StatementsOf)
            .All(s => s is ReturnStatementSyntax { Expression: null } or BreakStatementSyntax or ContinueStatementSyntax);

    private bool PatternMentions(PatternSyntax pattern, int member) =>
        pattern.DescendantNodesAndSelf().OfType<ConstantPatternSyntax>().Any(c => StatusValue(c.Expression) == member);

    /// <summary>The status value a constant of the status enum stands for (matched by value: the user's enum may name it otherwise).</summary>
    private int? StatusValue(ExpressionSyntax expression)
    {
        var symbol = _site.Model.GetSymbolInfo(ProtocolSyntax.Unparenthesize(expression)).Symbol;
        return symbol is IFieldSymbol field && _site.Context.Symbols.IsStatus(field.ContainingType) && DoorbellStatusValues.ValueOf(field) is var value and >= 0
            ? value
            : null;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>How the statement right after a ring reads the status, so the fix reuses that read instead of adding a second one.</summary>
internal enum StatusReadKind
{
    /// <summary>The next statement reads nothing.</summary>
    None,

    /// <summary><c>d.ReadStatus();</c> or <c>_ = d.ReadStatus();</c>: a read whose value is thrown away.</summary>
    Discarded,

    /// <summary><c>var s = d.ReadStatus();</c>: the fix keeps the name <c>s</c>.</summary>
    Declaration,

    /// <summary><c>s = d.ReadStatus();</c> into an existing local.</summary>
    Assignment,

    /// <summary>The read sits inside the statement (<c>if (d.ReadStatus() == ...)</c>, <c>switch (d.ReadStatus())</c>): it becomes the status local.</summary>
    Inline,
}

/// <summary>The status read that follows a ring in its statement list.</summary>
internal sealed class StatusReadAfterRing
{
    private StatusReadAfterRing(StatusReadKind kind, StatementSyntax? statement, string? name, TypeSyntax? declaredType, IReadOnlyList<InvocationExpressionSyntax> inlineReads)
    {
        Kind = kind;
        Statement = statement;
        Name = name;
        DeclaredType = declaredType;
        InlineReads = inlineReads;
    }

    public StatusReadKind Kind { get; }

    /// <summary>The statement holding the read (the one after the ring).</summary>
    public StatementSyntax? Statement { get; }

    /// <summary>The user's local that receives the status, for Declaration and Assignment.</summary>
    public string? Name { get; }

    /// <summary>The type the user wrote in the declaration, unless it was <c>var</c>.</summary>
    public TypeSyntax? DeclaredType { get; }

    /// <summary>For Inline: the reads that become the status local.</summary>
    public IReadOnlyList<InvocationExpressionSyntax> InlineReads { get; }

    /// <summary>True when the whole statement is folded into the fix.</summary>
    public bool ConsumesStatement => Kind is StatusReadKind.Discarded or StatusReadKind.Declaration or StatusReadKind.Assignment;

    public static StatusReadAfterRing Find(RingSite site, StatementSyntax? next)
    {
        var none = new StatusReadAfterRing(StatusReadKind.None, null, null, null, Array.Empty<InvocationExpressionSyntax>());
        if (next is null)
        {
            return none;
        }

        switch (next)
        {
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax read } when IsRead(site, read):
                return new StatusReadAfterRing(StatusReadKind.Discarded, next, null, null, Array.Empty<InvocationExpressionSyntax>());
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }
                when Unparenthesize(assignment.Right) is InvocationExpressionSyntax read && IsRead(site, read):
                if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "_" } discard
                    && site.Model.GetSymbolInfo(discard).Symbol is null or IDiscardSymbol)
                {
                    return new StatusReadAfterRing(StatusReadKind.Discarded, next, null, null, Array.Empty<InvocationExpressionSyntax>());
                }

                if (assignment.Left is IdentifierNameSyntax target
                    && site.Model.GetSymbolInfo(target).Symbol is ILocalSymbol local
                    && SymbolEqualityComparer.Default.Equals(local.Type, site.Symbols.Status))
                {
                    return new StatusReadAfterRing(StatusReadKind.Assignment, next, target.Identifier.ValueText, null, Array.Empty<InvocationExpressionSyntax>());
                }

                break;
            case LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
                when declaration.UsingKeyword.IsKind(SyntaxKind.None) && declaration.Modifiers.Count == 0
                && declaration.Declaration.Variables[0].Initializer?.Value is { } value
                && Unparenthesize(value) is InvocationExpressionSyntax read && IsRead(site, read)
                && site.Model.GetDeclaredSymbol(declaration.Declaration.Variables[0]) is ILocalSymbol declared
                && SymbolEqualityComparer.Default.Equals(declared.Type, site.Symbols.Status):
                var type = declaration.Declaration.Type;
                return new StatusReadAfterRing(
                    StatusReadKind.Declaration,
                    next,
                    declaration.Declaration.Variables[0].Identifier.ValueText,
                    type.IsVar ? null : type.WithoutTrivia(),
                    Array.Empty<InvocationExpressionSyntax>());
        }

        SyntaxNode? head = next switch
        {
            IfStatementSyntax statement => statement.Condition,
            SwitchStatementSyntax statement => statement.Expression,
            ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax => next,
            _ => null,
        };
        if (head is null || ContainsSubmission(site, head))
        {
            return none;
        }

        var reads = head.DescendantNodesAndSelf(n => !IsFunction(n))
            .OfType<InvocationExpressionSyntax>()
            .Where(i => IsRead(site, i))
            .ToList();
        return reads.Count == 0 ? none : new StatusReadAfterRing(StatusReadKind.Inline, next, null, null, reads);
    }

    /// <summary>The statement with its inline reads replaced by the status local.</summary>
    public StatementSyntax ReplaceInlineReads(StatementSyntax statement, string statusName) =>
        statement.ReplaceNodes(InlineReads, (original, _) => SyntaxFactory.IdentifierName(statusName).WithTriviaFrom(original));

    public static bool IsRead(RingSite site, InvocationExpressionSyntax invocation) =>
        site.IsOperationOnSameDoorbell(invocation, site.Symbols.IsStatusRead);

    public static bool ContainsSubmission(RingSite site, SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Any(i => site.Symbols.IsAnySubmission(site.Model.GetSymbolInfo(i).Symbol));

    public static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}

/// <summary>
/// What the code after a ring already does with the status: whether it handles ConnectedNotify and separates
/// DisconnectedAbort, and which of its statements become dead or redundant once the fix's loop (or
/// RingAndConfirm) has done the retrying. The scan stops at the next submission: what follows belongs to it.
/// </summary>
internal sealed class StatusHandlingScan
{
    private readonly Dictionary<StatementSyntax, Func<StatementSyntax, StatementSyntax?>> _rewrites = new();

    public bool HandlesNotify { get; private set; }

    public bool HandlesAbort { get; private set; }

    /// <summary>Comments of the handling the fix folds away (retry, and notify for RingAndConfirm), to keep on the code that replaces it.</summary>
    public List<SyntaxTrivia> FoldedComments { get; } = new();

    /// <param name="site">The ring.</param>
    /// <param name="statements">The statement list.</param>
    /// <param name="start">The first statement after the ring's read.</param>
    /// <param name="statusName">The local holding the status, or null.</param>
    /// <param name="inlineReadsAreStatus">Reads of the doorbell in the first statement stand for the status local.</param>
    /// <param name="ringAndConfirm">Also fold away notify handling, which RingAndConfirm does itself.</param>
    public static StatusHandlingScan Run(RingSite site, IReadOnlyList<StatementSyntax> statements, int start, string? statusName, bool inlineReadsAreStatus, bool ringAndConfirm)
    {
        var scan = new StatusHandlingScan();
        var tests = new StatusTests(site, statusName, inlineReadsAreStatus);
        for (var i = start; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (tests.IsOnly(StatementCondition(statement), DoorbellSyntax.Retry) && statement is IfStatementSyntax or WhileStatementSyntax)
            {
                scan.FoldedComments.AddRange(DoorbellSyntax.CommentLines(statement));
                scan._rewrites[statement] = statement is IfStatementSyntax { Else: { } otherwise } ? _ => otherwise.Statement.WithTriviaFrom(statement) : _ => null;
                continue;
            }

            if (ringAndConfirm && statement is IfStatementSyntax { Else: null } notifyIf
                && tests.IsOnly(notifyIf.Condition, DoorbellSyntax.Notify) && OnlyNotifies(site, notifyIf.Statement))
            {
                scan.FoldedComments.AddRange(DoorbellSyntax.CommentLines(statement));
                scan._rewrites[statement] = _ => null;
                continue;
            }

            IEnumerable<SyntaxNode> kept = new[] { statement };
            if (statement is SwitchStatementSyntax @switch && tests.IsOperand(@switch.Expression))
            {
                var dropped = new HashSet<int>();
                for (var s = 0; s < @switch.Sections.Count; s++)
                {
                    var section = @switch.Sections[s];
                    var labels = section.Labels.Select(tests.LabelStatus).ToList();
                    if (labels.All(l => l == DoorbellSyntax.Retry)
                        || (ringAndConfirm && labels.All(l => l == DoorbellSyntax.Notify) && OnlyNotifiesThenBreaks(site, section)))
                    {
                        dropped.Add(s);
                    }
                }

                if (dropped.Count > 0)
                {
                    var keepsNone = dropped.Count == @switch.Sections.Count;
                    scan._rewrites[statement] = current =>
                    {
                        var currentSwitch = (SwitchStatementSyntax)current;
                        if (keepsNone && currentSwitch.Expression is IdentifierNameSyntax)
                        {
                            return null;
                        }

                        return currentSwitch.WithSections(SyntaxFactory.List(currentSwitch.Sections.Where((_, index) => !dropped.Contains(index))));
                    };
                    kept = @switch.Sections.Where((_, index) => !dropped.Contains(index)).Cast<SyntaxNode>().Append(@switch.Expression);
                }

                scan.HandlesAbort |= @switch.Sections.Where((_, index) => !dropped.Contains(index))
                    .Any(section => section.Labels.Any(label => tests.LabelMentions(label, DoorbellSyntax.Abort)) && !StatusTests.OnlyJumps(section.Statements));
            }

            if (kept.Any(node => StatusReadAfterRing.ContainsSubmission(site, node)))
            {
                break;
            }

            foreach (var node in kept)
            {
                scan.HandlesNotify |= node.DescendantNodesAndSelf(n => !StatusReadAfterRing.IsFunction(n))
                    .OfType<InvocationExpressionSyntax>()
                    .Any(invocation => site.IsOperationOnSameDoorbell(invocation, site.Symbols.IsNotify));
                scan.HandlesAbort |= tests.SeparatesAbort(node);
            }

            // Only the statement right after the ring may hold inline reads.
            tests = new StatusTests(site, statusName, inlineReadsAreStatus: false);
        }

        return scan;
    }

    /// <summary>Records the scan's findings without applying its rewrites (for code inside a user's loop, which stays as written).</summary>
    public void Merge(StatusHandlingScan other)
    {
        HandlesNotify |= other.HandlesNotify;
        HandlesAbort |= other.HandlesAbort;
    }

    /// <summary>The statement as the fix leaves it: itself, rewritten, or null when it is folded away.</summary>
    public StatementSyntax? Rewrite(StatementSyntax original, StatementSyntax current) =>
        _rewrites.TryGetValue(original, out var rewrite) ? rewrite(current) : current;

    public bool Rewrites(StatementSyntax original) => _rewrites.ContainsKey(original);

    private static ExpressionSyntax? StatementCondition(StatementSyntax statement) => statement switch
    {
        IfStatementSyntax s => s.Condition,
        WhileStatementSyntax s => s.Condition,
        _ => null,
    };

    private static bool OnlyNotifies(RingSite site, StatementSyntax body)
    {
        var statements = body is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { body };
        return statements.Count > 0 && statements.All(s => IsNotifyStatement(site, s));
    }

    private static bool OnlyNotifiesThenBreaks(RingSite site, SwitchSectionSyntax section)
    {
        var statements = section.Statements.SelectMany(s => s is BlockSyntax b ? b.Statements.ToList() : new List<StatementSyntax> { s }).ToList();
        return statements.Count >= 2 && statements.Last() is BreakStatementSyntax
            && statements.Take(statements.Count - 1).All(s => IsNotifyStatement(site, s));
    }

    private static bool IsNotifyStatement(RingSite site, StatementSyntax statement) =>
        statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }
        && site.IsOperationOnSameDoorbell(invocation, site.Symbols.IsNotify);
}

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

        expression = StatusReadAfterRing.Unparenthesize(expression);
        if (expression is IdentifierNameSyntax identifier && _statusName is not null && identifier.Identifier.ValueText == _statusName)
        {
            return true;
        }

        return _inlineReadsAreStatus && expression is InvocationExpressionSyntax invocation && StatusReadAfterRing.IsRead(_site, invocation);
    }

    /// <summary>The condition is exactly "the status is <paramref name="member"/>".</summary>
    public bool IsOnly(ExpressionSyntax? condition, string member)
    {
        if (condition is null)
        {
            return false;
        }

        condition = StatusReadAfterRing.Unparenthesize(condition);
        return condition switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals =>
                (IsOperand(equals.Left) && MemberName(equals.Right) == member) || (IsOperand(equals.Right) && MemberName(equals.Left) == member),
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } pattern =>
                IsOperand(pattern.Expression) && MemberName(constant.Expression) == member,
            _ => false,
        };
    }

    /// <summary>Some test of the status under <paramref name="scope"/> names <paramref name="member"/>.</summary>
    public bool Mentions(SyntaxNode scope, string member)
    {
        foreach (var node in scope.DescendantNodesAndSelf(n => !StatusReadAfterRing.IsFunction(n)))
        {
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    if ((IsOperand(binary.Left) && MemberName(binary.Right) == member) || (IsOperand(binary.Right) && MemberName(binary.Left) == member))
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
        foreach (var node in scope.DescendantNodesAndSelf(n => !StatusReadAfterRing.IsFunction(n)))
        {
            switch (node)
            {
                case IfStatementSyntax @if when Mentions(@if.Condition, DoorbellSyntax.Abort):
                    if (!OnlyJumps(new[] { @if.Statement }))
                    {
                        return true;
                    }

                    break;
                case SwitchStatementSyntax @switch when IsOperand(@switch.Expression):
                    if (@switch.Sections.Any(s => s.Labels.Any(l => LabelMentions(l, DoorbellSyntax.Abort)) && !OnlyJumps(s.Statements)))
                    {
                        return true;
                    }

                    break;
                case ExpressionSyntax expression when expression is BinaryExpressionSyntax or IsPatternExpressionSyntax or SwitchExpressionSyntax
                    && !expression.Ancestors().TakeWhile(a => a != scope.Parent).Any(a => a is IfStatementSyntax or SwitchStatementSyntax)
                    && Mentions(expression, DoorbellSyntax.Abort):
                    // The status turned into a value (return s != DisconnectedAbort;): whoever reads it handles abort.
                    return true;
            }
        }

        return false;
    }

    /// <summary>The statements only leave (<c>return;</c>, <c>break;</c>, <c>continue;</c>), doing nothing with the case.</summary>
    public static bool OnlyJumps(IEnumerable<StatementSyntax> statements) =>
        statements.SelectMany(s => s is BlockSyntax block ? block.Statements.AsEnumerable() : new[] { s })
            .All(s => s is ReturnStatementSyntax { Expression: null } or BreakStatementSyntax or ContinueStatementSyntax);

    /// <summary>The one status a switch label tests, or null.</summary>
    public string? LabelStatus(SwitchLabelSyntax label) => label switch
    {
        CaseSwitchLabelSyntax @case => MemberName(@case.Value),
        CasePatternSwitchLabelSyntax { Pattern: ConstantPatternSyntax constant, WhenClause: null } => MemberName(constant.Expression),
        _ => null,
    };

    public bool LabelMentions(SwitchLabelSyntax label, string member) => label switch
    {
        CaseSwitchLabelSyntax @case => MemberName(@case.Value) == member,
        CasePatternSwitchLabelSyntax pattern => PatternMentions(pattern.Pattern, member),
        _ => false,
    };

    private bool PatternMentions(PatternSyntax pattern, string member) =>
        pattern.DescendantNodesAndSelf().OfType<ConstantPatternSyntax>().Any(c => MemberName(c.Expression) == member);

    private string? MemberName(ExpressionSyntax expression)
    {
        var symbol = _site.Model.GetSymbolInfo(StatusReadAfterRing.Unparenthesize(expression)).Symbol;
        return symbol is IFieldSymbol field && _site.Symbols.IsStatusMember(field, field.Name) ? field.Name : null;
    }
}

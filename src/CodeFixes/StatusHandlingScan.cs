using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

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
            if (tests.IsOnly(StatementCondition(statement), DoorbellStatusValues.DisconnectedRetry) && statement is IfStatementSyntax or WhileStatementSyntax)
            {
                scan.FoldedComments.AddRange(DoorbellSyntax.CommentLines(statement));
                scan._rewrites[statement] = statement is IfStatementSyntax { Else: { } otherwise } ? _ => otherwise.Statement.WithTriviaFrom(statement) : _ => null;
                continue;
            }

            if (ringAndConfirm && statement is IfStatementSyntax { Else: null } notifyIf
                && tests.IsOnly(notifyIf.Condition, DoorbellStatusValues.ConnectedNotify) && OnlyNotifies(site, notifyIf.Statement))
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
                    if (labels.All(l => l == DoorbellStatusValues.DisconnectedRetry)
                        || (ringAndConfirm && labels.All(l => l == DoorbellStatusValues.ConnectedNotify) && OnlyNotifiesThenBreaks(site, section)))
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

                scan.HandlesAbort |= @switch.Sections.Where((_, index) => !dropped.Contains(index)).Any(tests.SectionSeparatesAbort);
            }

            if (kept.Any(site.ContainsSubmission))
            {
                break;
            }

            foreach (var node in kept)
            {
                scan.HandlesNotify |= site.ContainsOperationOnSameDoorbell(node, ProtocolOperation.Notify);
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

    /// <summary>
    /// The statements from <paramref name="start"/> on as the fix leaves them, those folded away left out. The statement
    /// holding <paramref name="read"/>'s inline reads reads <paramref name="statusName"/> instead; the statements the scan
    /// rewrites are formatted when <paramref name="format"/>.
    /// </summary>
    public List<StatementSyntax> RewriteTail(IReadOnlyList<StatementSyntax> statements, int start, bool format, StatusReadAfterRing? read = null, string? statusName = null)
    {
        var tail = new List<StatementSyntax>();
        for (var i = start; i < statements.Count; i++)
        {
            var original = statements[i];
            var current = read is { Kind: StatusReadKind.Inline } && original == read.Statement ? read.ReplaceInlineReads(original, statusName!) : original;
            var rewritten = Rewrite(original, current);
            if (rewritten is not null)
            {
                tail.Add(format && Rewrites(original) ? DoorbellSyntax.Formatted(rewritten) : rewritten);
            }
        }

        return tail;
    }

    public bool Rewrites(StatementSyntax original) => _rewrites.ContainsKey(original);

    /// <summary>The statement as the fix leaves it: itself, rewritten, or null when it is folded away.</summary>
    private StatementSyntax? Rewrite(StatementSyntax original, StatementSyntax current) =>
        _rewrites.TryGetValue(original, out var rewrite) ? rewrite(current) : current;

    private static ExpressionSyntax? StatementCondition(StatementSyntax statement) => statement switch
    {
        IfStatementSyntax s => s.Condition,
        WhileStatementSyntax s => s.Condition,
        _ => null,
    };

    private static bool OnlyNotifies(RingSite site, StatementSyntax body)
    {
        var statements = StatementContainer.StatementsOf(body);
        return statements.Count > 0 && statements.All(s => site.IsOperationStatement(s, ProtocolOperation.Notify));
    }

    private static bool OnlyNotifiesThenBreaks(RingSite site, SwitchSectionSyntax section)
    {
        var statements = section.Statements.SelectMany(StatementContainer.StatementsOf).ToList();
        return statements.Count >= 2 && statements.Last() is BreakStatementSyntax
            && statements.Take(statements.Count - 1).All(s => site.IsOperationStatement(s, ProtocolOperation.Notify));
    }
}

using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The rewrite behind "Check doorbell status and retry on disconnect": the ring goes into the documented
/// do/while loop (read the status, reconnect on DisconnectedRetry), then the abort and notify cases are handled.
/// When the ring already sits in such a loop, only what is missing is added.
/// </summary>
internal static class RetryPatternRewrite
{
    /// <summary>
    /// Why the fix is not offered at <paramref name="site"/>, or null when it is, without rewriting anything (what listing
    /// the code actions costs). It is offered when the ring sits where a loop can go, and the user's vocabulary has every
    /// step the loop writes (a status read, a connect, a notify, and a status enum naming all four values). Without one of
    /// them the fix would compile into a wrong protocol.
    /// </summary>
    public static FixUnavailableReason? Unavailable(RingSite site) => Unavailable(site, DoorbellOperations.Find(site));

    /// <summary>The rewritten root, or null when the ring is not in a shape this fix can rewrite or nothing is missing.</summary>
    public static SyntaxNode? TryRewrite(SyntaxNode root, RingSite site, SyntaxGenerator generator)
    {
        var operations = DoorbellOperations.Find(site);
        if (Unavailable(site, operations) is not null)
        {
            return null;
        }

        var syntax = new DoorbellSyntax(generator, site, operations);
        if (HandedBackStatusRewrite.Applies(site))
        {
            return HandedBackStatusRewrite.TryRewrite(root, site, syntax);
        }

        if (site.IsConditional)
        {
            return site.Ring.Parent is ConditionalAccessExpressionSyntax { Parent: ExpressionStatementSyntax conditionalStatement }
                && StatementContainer.Of(conditionalStatement) is { } conditionalContainer
                ? RewriteConditional(root, site, conditionalContainer, syntax)
                : null;
        }

        if (site.Ring.Parent is ExpressionStatementSyntax ringStatement)
        {
            var existing = TryCompleteExistingLoop(root, site, ringStatement, syntax);
            if (existing is not null)
            {
                return existing;
            }

            var container = StatementContainer.Of(ringStatement);
            return container is null ? null : RewriteInContainer(root, site, container, syntax);
        }

        var body = StatementContainer.OfExpressionBody(site.Ring, site.Model);
        return body is null ? null : RewriteInContainer(root, site, body, syntax);
    }

    private static FixUnavailableReason? Unavailable(RingSite site, DoorbellOperations operations)
    {
        if (operations.ReadStatus is null)
        {
            return FixUnavailableReason.NoStatusRead;
        }

        if (!operations.NamesEveryStatus)
        {
            return FixUnavailableReason.StatusEnumIncomplete;
        }

        if (operations.Connect is null)
        {
            return FixUnavailableReason.NoConnect;
        }

        if (operations.Notify is null)
        {
            return FixUnavailableReason.NoNotify;
        }

        if (HandedBackStatusRewrite.Applies(site))
        {
            return null;
        }

        if ((site.Doorbell is null && site.DoorbellPath is null)
            || (site.Host is not null && DoorbellPath.Of(site.Host, site.Model, site.Ring.SpanStart) is null
                && (operations.ReadStatus.OnHost || operations.Connect.OnHost || operations.Notify.OnHost)))
        {
            return FixUnavailableReason.UnsupportedPosition;
        }

        var fits = site.IsConditional
            ? site.Ring.Parent is ConditionalAccessExpressionSyntax { Parent: ExpressionStatementSyntax conditionalStatement }
                && site.DoorbellPath is not null && StatementContainer.Of(conditionalStatement) is not null
            : site.Ring.Parent is ExpressionStatementSyntax ringStatement
                ? StatementContainer.Of(ringStatement) is not null
                : StatementContainer.OfExpressionBody(site.Ring, site.Model) is not null;
        return fits ? null : FixUnavailableReason.UnsupportedPosition;
    }

    private static SyntaxNode RewriteInContainer(SyntaxNode root, RingSite site, StatementContainer container, DoorbellSyntax syntax)
    {
        var statements = container.Statements;
        var ringStatement = statements[container.Index];
        var next = container.Index + 1 < statements.Count ? statements[container.Index + 1] : null;
        var read = StatusReadAfterRing.Find(site, next);
        var names = new UniqueNames(site.Ring, site.Model);

        var before = new List<StatementSyntax>();
        var ring = HoistArguments(site, (ExpressionStatementSyntax)ringStatement, names, before, out var doorbell);

        var statusName = read.Name ?? names.Next("status");
        if (read.Kind != StatusReadKind.Assignment)
        {
            before.Add(syntax.DeclareStatus(statusName, read.DeclaredType));
        }

        var tailStart = container.Index + 1 + (read.ConsumesStatement ? 1 : 0);
        var scan = StatusHandlingScan.Run(site, statements, tailStart, statusName, read.Kind == StatusReadKind.Inline, ringAndConfirm: false);

        var readInLoop = DoorbellSyntax.Assign(statusName, syntax.ReadStatus(doorbell));
        if (read.ConsumesStatement && read.Statement is { } consumed)
        {
            readInLoop = readInLoop.WithLeadingTrivia(DoorbellSyntax.CommentLines(consumed.GetLeadingTrivia()))
                .WithTrailingTrivia(consumed.GetTrailingTrivia());
        }

        var loop = RetryLoop(syntax, ring.WithoutLeadingTrivia(), readInLoop, statusName, doorbell, scan.FoldedComments);
        var replacement = new List<StatementSyntax>(before) { loop };
        AddMissingChecks(syntax, replacement, scan, statusName, doorbell);
        replacement = replacement.Select(DoorbellSyntax.Formatted).ToList();
        replacement[0] = replacement[0].WithLeadingTrivia(ringStatement.GetLeadingTrivia());

        var result = statements.Take(container.Index).ToList();
        result.AddRange(replacement);
        result.AddRange(scan.RewriteTail(statements, tailStart, format: true, read, statusName));

        return container.Apply(root, result);
    }

    /// <summary>
    /// <c>d?.Ring(v);</c> rings only when there is a doorbell: the whole pattern goes under <c>if (d != null)</c>.
    /// The status handling after such a ring is left as written (it too has to cope with a null doorbell).
    /// </summary>
    private static SyntaxNode RewriteConditional(SyntaxNode root, RingSite site, StatementContainer container, DoorbellSyntax syntax)
    {
        var statements = container.Statements;
        var conditionalStatement = (ExpressionStatementSyntax)statements[container.Index];
        var names = new UniqueNames(site.Ring, site.Model);
        var inside = new List<StatementSyntax>();
        var hoisted = (ExpressionStatementSyntax)HoistArguments(site, conditionalStatement, names, inside, out var doorbell);
        var binding = (InvocationExpressionSyntax)((ConditionalAccessExpressionSyntax)hoisted.Expression).WhenNotNull;
        var ring = SyntaxFactory.ExpressionStatement(binding.WithExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, doorbell!, ((MemberBindingExpressionSyntax)binding.Expression).Name)))
            .WithTrailingTrivia(conditionalStatement.GetTrailingTrivia());

        var statusName = names.Next("status");
        inside.Add(syntax.DeclareStatus(statusName));
        var readInLoop = DoorbellSyntax.Assign(statusName, syntax.ReadStatus(doorbell));
        inside.Add(RetryLoop(syntax, ring, readInLoop, statusName, doorbell, System.Array.Empty<SyntaxTrivia>()));
        AddMissingChecks(syntax, inside, new StatusHandlingScan(), statusName, doorbell);

        var notNull = SyntaxFactory.BinaryExpression(SyntaxKind.NotEqualsExpression, doorbell!, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));
        var guarded = DoorbellSyntax.Formatted(DoorbellSyntax.If(notNull, inside.ToArray()))
            .WithLeadingTrivia(conditionalStatement.GetLeadingTrivia());

        var result = statements.ToList();
        result[container.Index] = guarded;
        return container.Apply(root, result);
    }

    /// <summary>
    /// The ring already sits in the user's retry loop (<see cref="ExistingRetryLoop"/>):
    /// keep the user's loop, add the reconnect if the body lacks it, and the abort and notify checks after it.
    /// </summary>
    private static SyntaxNode? TryCompleteExistingLoop(SyntaxNode root, RingSite site, ExpressionStatementSyntax ringStatement, DoorbellSyntax syntax)
    {
        if (ExistingRetryLoop.Find(site, ringStatement) is not { } existing)
        {
            return null;
        }

        var (loop, body, statusName, container) = (existing.Loop, existing.Body, existing.StatusName, existing.Container);
        var doorbell = site.Doorbell;
        var connects = site.ContainsOperationOnSameDoorbell(body, ProtocolOperation.Connect);
        var inBody = StatusHandlingScan.Run(site, body.Statements, existing.ReadIndex + 1, statusName, inlineReadsAreStatus: false, ringAndConfirm: false);
        var after = StatusHandlingScan.Run(site, container.Statements, container.Index + 1, statusName, inlineReadsAreStatus: false, ringAndConfirm: false);
        after.Merge(inBody);

        var newLoop = loop;
        if (!connects)
        {
            var bodyStatements = body.Statements.Insert(existing.ReadIndex + 1, DoorbellSyntax.Formatted(
                DoorbellSyntax.If(syntax.StatusIs(statusName, DoorbellStatusValues.DisconnectedRetry), syntax.Connect(doorbell))));
            newLoop = loop.WithStatement(body.WithStatements(bodyStatements));
        }

        var checks = new List<StatementSyntax>();
        AddMissingChecks(syntax, checks, after, statusName, doorbell);
        var tailChanges = container.Statements.Skip(container.Index + 1).Any(after.Rewrites);
        if (connects && checks.Count == 0 && !tailChanges)
        {
            return null;
        }

        var result = container.Statements.Take(container.Index).ToList();
        result.Add(newLoop);
        result.AddRange(checks.Select(DoorbellSyntax.Formatted));
        result.AddRange(after.RewriteTail(container.Statements, container.Index + 1, format: false));

        return container.Apply(root, result);
    }

    private static DoStatementSyntax RetryLoop(DoorbellSyntax syntax, StatementSyntax ring, StatementSyntax read, string statusName, ExpressionSyntax? doorbell, IReadOnlyCollection<SyntaxTrivia> retryComments)
    {
        var reconnect = DoorbellSyntax.If(
            syntax.StatusIs(statusName, DoorbellStatusValues.DisconnectedRetry),
            DoorbellSyntax.WithExtraLeadingComments(syntax.Connect(doorbell), retryComments));
        return SyntaxFactory.DoStatement(SyntaxFactory.Block(ring, read, reconnect), syntax.StatusIs(statusName, DoorbellStatusValues.DisconnectedRetry));
    }

    internal static void AddMissingChecks(DoorbellSyntax syntax, List<StatementSyntax> statements, StatusHandlingScan scan, string statusName, ExpressionSyntax? doorbell)
    {
        if (!scan.HandlesAbort)
        {
            statements.Add(syntax.ThrowOnAbort(statusName, doorbell));
        }

        if (!scan.HandlesNotify)
        {
            statements.Add(DoorbellSyntax.If(syntax.StatusIs(statusName, DoorbellStatusValues.ConnectedNotify), syntax.NotifyWorkSubmission(doorbell)));
        }
    }

    /// <summary>
    /// Each attempt must ring the same value, evaluated once as before: arguments (or the value assigned to a ring
    /// property) that are not a local, a parameter, a constant or a plain field read go into locals before the loop.
    /// So does a doorbell expression that is not a plain access path.
    /// </summary>
    private static StatementSyntax HoistArguments(RingSite site, ExpressionStatementSyntax ringStatement, UniqueNames names, List<StatementSyntax> hoisted, out ExpressionSyntax? doorbell)
    {
        doorbell = site.Doorbell?.WithoutTrivia();
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        if (site.DoorbellPath is null && site.Doorbell is not null)
        {
            var name = names.Next("doorbell");
            hoisted.Add(DoorbellSyntax.DeclareVar(name, site.Doorbell));
            doorbell = SyntaxFactory.IdentifierName(name);
            replacements[FindEquivalent(ringStatement, site.Ring, site.Doorbell)] = doorbell.WithTriviaFrom(site.Doorbell);
        }

        foreach (var (value, parameterName) in RingValues(site))
        {
            if (value.Syntax is not ExpressionSyntax expression || expression == site.Doorbell || IsStable(value))
            {
                continue;
            }

            var name = names.Next(parameterName ?? "value");
            hoisted.Add(DoorbellSyntax.DeclareVar(name, expression));
            replacements[FindEquivalent(ringStatement, site.Ring, expression)] = SyntaxFactory.IdentifierName(name).WithTriviaFrom(expression);
        }

        if (replacements.Count == 0)
        {
            return ringStatement;
        }

        return ringStatement.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    /// <summary>The values the ring is given: its explicit by-value arguments, or the value assigned to a ring property.</summary>
    private static IEnumerable<(IOperation Value, string? ParameterName)> RingValues(RingSite site)
    {
        switch (site.Model.GetOperation(site.Ring))
        {
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Syntax is ArgumentSyntax syntax && syntax.RefKindKeyword.IsKind(SyntaxKind.None) && argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        yield return (argument.Value, argument.Parameter?.Name);
                    }
                }

                break;
            case ISimpleAssignmentOperation assignment:
                yield return (assignment.Value, "value");
                break;
        }
    }

    /// <summary>The node of <paramref name="statement"/> at the same place as <paramref name="original"/> under <paramref name="ring"/> (the statement may be a detached copy).</summary>
    private static SyntaxNode FindEquivalent(StatementSyntax statement, ExpressionSyntax ring, ExpressionSyntax original)
    {
        if (statement.Contains(original))
        {
            return original;
        }

        SyntaxNode copy = statement is ExpressionStatementSyntax { Expression: { } expression } ? expression : statement;
        var offset = original.SpanStart - ring.SpanStart;
        return copy.DescendantNodesAndSelf().First(n => n.SpanStart - copy.SpanStart == offset && n.IsEquivalentTo(original));
    }

    private static bool IsStable(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        return value switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation or ILiteralOperation => true,
            IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation,
            _ => false,
        };
    }
}

using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>
/// The user's own retry loop around a ring: <c>do { ring; s = d.ReadStatus(); ... } while (s == DisconnectedRetry);</c>.
/// The ring is a statement of the loop's body, the first status read after it assigns the status local, and nothing
/// rings in between.
/// </summary>
internal sealed class ExistingRetryLoop
{
    private ExistingRetryLoop(DoStatementSyntax loop, BlockSyntax body, int ringIndex, int readIndex, string statusName, StatusTests tests, StatementContainer container)
    {
        Loop = loop;
        Body = body;
        RingIndex = ringIndex;
        ReadIndex = readIndex;
        StatusName = statusName;
        Tests = tests;
        Container = container;
    }

    public DoStatementSyntax Loop { get; }

    public BlockSyntax Body { get; }

    /// <summary>Where the ring sits in the body.</summary>
    public int RingIndex { get; }

    /// <summary>Where the status read sits in the body.</summary>
    public int ReadIndex { get; }

    /// <summary>The local the read assigns, which the loop's condition tests.</summary>
    public string StatusName { get; }

    /// <summary>Tests of that local.</summary>
    public StatusTests Tests { get; }

    /// <summary>Where the loop itself sits.</summary>
    public StatementContainer Container { get; }

    /// <summary>The loop <paramref name="ringStatement"/> sits in, or null when it sits in no such loop.</summary>
    public static ExistingRetryLoop? Find(RingSite site, ExpressionStatementSyntax ringStatement)
    {
        if (ringStatement.Parent is not BlockSyntax body || body.Parent is not DoStatementSyntax loop)
        {
            return null;
        }

        var ringIndex = body.Statements.IndexOf(ringStatement);
        for (var i = ringIndex + 1; i < body.Statements.Count; i++)
        {
            var read = StatusReadAfterRing.Find(site, body.Statements[i]);
            if (read.Kind == StatusReadKind.Assignment)
            {
                if (read.Name is not { } statusName)
                {
                    return null;
                }

                var tests = new StatusTests(site, statusName, inlineReadsAreStatus: false);
                return tests.IsOnly(loop.Condition, DoorbellStatusValues.DisconnectedRetry) && StatementContainer.Of(loop) is { } container
                    ? new ExistingRetryLoop(loop, body, ringIndex, i, statusName, tests, container)
                    : null;
            }

            if (site.ContainsSubmission(body.Statements[i]))
            {
                return null;
            }
        }

        return null;
    }
}

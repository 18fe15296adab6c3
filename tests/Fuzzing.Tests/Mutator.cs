using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>One fuzzing input: the mutated text, and how it was made (enough to make it again).</summary>
public sealed record FuzzInput(string Description, string Text)
{
    /// <summary>.editorconfig options the analyzers see with this input (none by default).</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, string> Options { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// Deterministic mutations of C# text: truncation at a token boundary (half-typed code), token deletion,
/// statement duplication and swapping, identifier exchange, and insertion of tokens that flow analyses trip on.
/// The same seed gives the same inputs on every machine (System.Random with a seed is stable across runs).
/// </summary>
public static class Mutator
{
    /// <summary>Snippets whose insertion at a token boundary makes the shapes flow analyses get wrong or crash on.</summary>
    private static readonly string[] Insertions =
    {
        ";", "{", "}", "(", ")", "?.", "!", "?", "??", "=>", "return;", "break;", "continue;", "goto L;", "L: ;",
        "throw;", "yield return 0;", "await ", "async ", "static ", "ref ", "out ", "default", "null", "this.", "new ",
        "try { } finally { }", "if (true) ", "while (false) ", "switch (0) { case 0: break; }", "using ", "lock (this) ",
        "d.Ring(1);", "d.ReadStatus();", "d.Connect();", "d.NotifyWorkSubmission();", "() => ", "delegate { }",
        "_ = d?.ReadStatus() ?? DoorbellStatus.Connected;", "DoorbellStatus.DisconnectedRetry", "is not DoorbellStatus.Connected",
        "[DoorbellRing]", "#if false\n", "#endif\n", "/*", "*/", "\"", "'", "@", "$\"{", "<", ">", "where T : ",
    };

    public static IEnumerable<FuzzInput> TruncationsAtEveryTokenBoundary(SeedSource seed)
    {
        var tree = CSharpSyntaxTree.ParseText(seed.Text);
        foreach (var token in tree.GetRoot().DescendantTokens(descendIntoTrivia: false))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken))
            {
                continue;
            }
            yield return new FuzzInput($"{seed.Origin}: truncated after offset {token.Span.End}", seed.Text.Substring(0, token.Span.End));
        }
    }

    public static int TokenCount(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Count(t => !t.IsKind(SyntaxKind.EndOfFileToken));

    /// <summary>One random mutation of <paramref name="seed"/>, chosen and shaped by <paramref name="random"/>.</summary>
    public static FuzzInput RandomMutation(SeedSource seed, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(seed.Text).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
        var statements = root.DescendantNodes().OfType<StatementSyntax>().ToArray();
        if (tokens.Length == 0)
        {
            return new FuzzInput($"{seed.Origin}: unchanged (no tokens)", seed.Text);
        }

        // Some inputs get two or three mutations stacked, as an editor session would.
        int rounds = random.Next(8) == 0 ? random.Next(2, 4) : 1;
        string text = seed.Text;
        var steps = new List<string>();
        for (int round = 0; round < rounds; round++)
        {
            if (round > 0)
            {
                root = CSharpSyntaxTree.ParseText(text).GetRoot();
                tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
                statements = root.DescendantNodes().OfType<StatementSyntax>().ToArray();
                if (tokens.Length == 0)
                {
                    break;
                }
            }
            (text, var step) = random.Next(6) switch
            {
                0 => DeleteTokens(text, tokens, random),
                1 when statements.Length > 0 => DuplicateStatement(text, statements, random),
                2 when statements.Length > 1 => SwapStatements(text, statements, random),
                3 => ExchangeIdentifiers(text, tokens, random),
                4 => Insert(text, tokens, random),
                _ => DeleteTokens(text, tokens, random),
            };
            steps.Add(step);
        }
        return new FuzzInput($"{seed.Origin}: {string.Join("; ", steps)}", text);
    }

    private static (string, string) DeleteTokens(string text, SyntaxToken[] tokens, Random random)
    {
        int count = Math.Min(tokens.Length, random.Next(1, 4));
        var chosen = Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Length)]).Distinct().OrderByDescending(t => t.SpanStart).ToArray();
        foreach (var token in chosen)
        {
            text = text.Remove(token.SpanStart, token.Span.Length);
        }
        return (text, "deleted tokens at " + string.Join(",", chosen.Select(t => t.SpanStart).OrderBy(s => s)));
    }

    private static (string, string) DuplicateStatement(string text, StatementSyntax[] statements, Random random)
    {
        var statement = statements[random.Next(statements.Length)];
        var copy = text.Substring(statement.SpanStart, statement.Span.Length);
        return (text.Insert(statement.Span.End, "\n" + copy), $"duplicated the statement at {statement.SpanStart}");
    }

    private static (string, string) SwapStatements(string text, StatementSyntax[] statements, Random random)
    {
        // Two statements, neither inside the other; prefer neighbours in one block, where a swap reorders protocol steps.
        var first = statements[random.Next(statements.Length)];
        StatementSyntax? second = null;
        if (first.Parent is BlockSyntax block && block.Statements.Count > 1 && random.Next(3) != 0)
        {
            second = block.Statements[random.Next(block.Statements.Count)];
        }
        second ??= statements[random.Next(statements.Length)];
        if (first.Span.IntersectsWith(second.Span) || first.Span.Contains(second.Span) || second.Span.Contains(first.Span))
        {
            return DuplicateStatement(text, statements, random);
        }
        var (early, late) = first.SpanStart < second.SpanStart ? (first, second) : (second, first);
        var earlyText = text.Substring(early.SpanStart, early.Span.Length);
        var lateText = text.Substring(late.SpanStart, late.Span.Length);
        var swapped = text.Substring(0, early.SpanStart) + lateText
            + text.Substring(early.Span.End, late.SpanStart - early.Span.End) + earlyText
            + text.Substring(late.Span.End);
        return (swapped, $"swapped the statements at {early.SpanStart} and {late.SpanStart}");
    }

    private static (string, string) ExchangeIdentifiers(string text, SyntaxToken[] tokens, Random random)
    {
        var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToArray();
        if (identifiers.Length < 2)
        {
            return DeleteTokens(text, tokens, random);
        }
        var target = identifiers[random.Next(identifiers.Length)];
        var replacement = identifiers[random.Next(identifiers.Length)].ValueText;
        return (text.Remove(target.SpanStart, target.Span.Length).Insert(target.SpanStart, replacement),
            $"replaced the identifier at {target.SpanStart} by {replacement}");
    }

    private static (string, string) Insert(string text, SyntaxToken[] tokens, Random random)
    {
        var token = tokens[random.Next(tokens.Length)];
        var snippet = Insertions[random.Next(Insertions.Length)];
        int position = random.Next(2) == 0 ? token.SpanStart : token.Span.End;
        return (text.Insert(position, " " + snippet + " "), $"inserted \"{snippet.Replace("\n", "\\n", StringComparison.Ordinal)}\" at {position}");
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>
/// Shrinks a crashing input to a small one that still throws the same way (delta debugging over tokens:
/// remove ever smaller chunks of tokens while the failure with the same key persists), so a bug report
/// carries a few lines rather than a whole test file.
/// </summary>
public static class Reducer
{
    public static async Task<string> ReduceAsync(string source, Func<string, Task<bool>> stillFails, int maxChecks = 400, CancellationToken cancellationToken = default)
    {
        var tokens = Tokens(source);
        // Token text alone drops trivia (comments, directives); when the failure needs them, keep the input as it is.
        if (!await stillFails(Join(tokens)).ConfigureAwait(false))
        {
            return source;
        }
        int checks = 1;
        int chunk = Math.Max(1, tokens.Count / 2);
        while (chunk >= 1 && checks < maxChecks)
        {
            bool removedAny = false;
            for (int start = 0; start < tokens.Count && checks < maxChecks; )
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = tokens.Take(start).Concat(tokens.Skip(start + chunk)).ToList();
                checks++;
                if (candidate.Count > 0 && await stillFails(Join(candidate)).ConfigureAwait(false))
                {
                    tokens = candidate;
                    removedAny = true;
                }
                else
                {
                    start += chunk;
                }
            }
            if (!removedAny)
            {
                chunk /= 2;
            }
        }
        return Join(tokens);
    }

    private static List<string> Tokens(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken))
            .Select(t => t.Text)
            .ToList();

    private static string Join(IEnumerable<string> tokens) => string.Join(" ", tokens);
}

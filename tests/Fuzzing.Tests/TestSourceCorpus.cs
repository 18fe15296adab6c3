using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>One fuzzing seed: C# text and where it came from.</summary>
public sealed record SeedSource(string Origin, string Text);

/// <summary>
/// The seeds of the fuzzer: the test code inside the analyzer and code-fix tests (their raw string literals, and any
/// corpus files they keep), read from the repository at run time so new tests feed the fuzzer without a change here,
/// plus the fuzzer's own seeds in tests/Fuzzing.Tests/Seeds.
/// </summary>
public static class TestSourceCorpus
{
    /// <summary>The test projects whose sources are mined.</summary>
    public static readonly string[] TestProjects = { "tests/Analyzers.Tests", "tests/CodeFixes.Tests" };

    /// <summary>Corpus folders of the repository whose .cs files are test inputs themselves, taken whole.</summary>
    public static readonly string[] CorpusFolders = { "tests/ValidCode", "tests/Corpus/Cases" };

    /// <summary>Folders inside the test projects whose files are C# test inputs themselves, taken whole.</summary>
    private static readonly string[] CorpusFolderNames = { "ValidCode", "Corpus", "Samples", "TestData" };

    private static readonly Regex NamedSpanStart = new(@"\{\|[^:|{}\r\n]*:", RegexOptions.CultureInvariant);

    public static IReadOnlyList<SeedSource> Load()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seeds = new List<SeedSource>();
        void Add(string origin, string text)
        {
            text = StripMarkup(text);
            if (text.Trim().Length > 0 && seen.Add(text))
            {
                seeds.Add(new SeedSource(origin, text));
            }
        }

        foreach (var project in TestProjects)
        {
            var directory = Path.Combine(RepositoryFiles.Root, project);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var file in SourceFiles(directory))
            {
                var relative = Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/');
                var text = File.ReadAllText(file);
                if (IsCorpusFile(relative) || file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                {
                    Add(relative, text);
                    continue;
                }
                int index = 0;
                foreach (var literal in ExtractTestCode(text))
                {
                    Add($"{relative}#{index++}", literal);
                }
            }
        }

        foreach (var folder in CorpusFolders)
        {
            var directory = Path.Combine(RepositoryFiles.Root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var file in SourceFiles(directory).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            {
                Add(Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'), File.ReadAllText(file));
            }
        }

        var ownSeeds = Path.Combine(RepositoryFiles.Root, "tests/Fuzzing.Tests/Seeds");
        foreach (var file in Directory.EnumerateFiles(ownSeeds, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            Add(Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'), File.ReadAllText(file));
        }
        return seeds;
    }

    /// <summary>
    /// The C# test code in a test file: its raw string literals (plain or interpolated; an interpolation hole
    /// becomes its expression's text, which is usually what the test splices in) and regular string literals
    /// that look like a compilation unit.
    /// </summary>
    public static IEnumerable<string> ExtractTestCode(string testFileText)
    {
        var root = CSharpSyntaxTree.ParseText(testFileText).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                    || literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken):
                    yield return literal.Token.ValueText;
                    break;
                case LiteralExpressionSyntax literal when literal.Token.IsKind(SyntaxKind.StringLiteralToken) && LooksLikeCode(literal.Token.ValueText):
                    yield return literal.Token.ValueText;
                    break;
                case InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.Text.Contains("\"\"\"", StringComparison.Ordinal):
                    var text = new StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        text.Append(content switch
                        {
                            InterpolatedStringTextSyntax part => part.TextToken.ValueText,
                            InterpolationSyntax hole => hole.Expression.ToString(),
                            _ => "",
                        });
                    }
                    yield return text.ToString();
                    break;
            }
        }
    }

    /// <summary>Removes Microsoft.CodeAnalysis.Testing markup: {|#0:...|}, {|DBL001:...|}, [|...|] and the $$ caret.</summary>
    public static string StripMarkup(string text)
    {
        text = NamedSpanStart.Replace(text, "");
        return text.Replace("|}", "", StringComparison.Ordinal)
            .Replace("[|", "", StringComparison.Ordinal)
            .Replace("|]", "", StringComparison.Ordinal)
            .Replace("$$", "", StringComparison.Ordinal);
    }

    private static bool LooksLikeCode(string text) =>
        text.Length > 40 && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("Doorbell", StringComparison.Ordinal)) && text.Contains(';', StringComparison.Ordinal);

    private static bool IsCorpusFile(string relativePath) =>
        relativePath.Split('/').Any(part => CorpusFolderNames.Contains(part, StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
}

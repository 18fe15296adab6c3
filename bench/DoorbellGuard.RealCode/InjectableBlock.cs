using System;
using System.Collections.Immutable;
using System.Linq;
using DoorbellGuard.Corpus.Measuring;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.RealCode;

/// <summary>
/// The statements of a corpus case's <c>Block()</c> method: self-contained code (its own locals, DoorbellGuard types
/// through <c>using DoorbellGuard;</c>) with its verdict, ready to go into any method body.
/// </summary>
/// <param name="Expected">Findings, with offsets relative to the start of <paramref name="Text"/>.</param>
/// <param name="Unsafe">The block uses pointers: it goes in as an <c>unsafe { }</c> statement.</param>
internal sealed record InjectableBlock(string Name, string Category, string Text, ImmutableArray<Finding> Expected, bool Unsafe)
{
    public const string MethodName = "Block";

    /// <summary>Every corpus case that has a <c>Block()</c> method (analyzer-only cases excluded: they need their own types).</summary>
    public static ImmutableArray<InjectableBlock> FromCorpus(ImmutableArray<CorpusCase> cases) => cases
        .Where(c => !c.AnalyzerOnly)
        .Select(TryCreate)
        .OfType<InjectableBlock>()
        .ToImmutableArray();

    private static InjectableBlock? TryCreate(CorpusCase corpusCase)
    {
        var root = CSharpSyntaxTree.ParseText(corpusCase.Source.Text).GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().SingleOrDefault(m => m.Identifier.Text == MethodName);
        if (method?.Body is not { } body)
            return null;

        var start = body.OpenBraceToken.Span.End;
        var end = body.CloseBraceToken.SpanStart;
        var outside = corpusCase.Source.Expected.Where(f => f.Start < start || f.End > end).ToList();
        if (outside.Count > 0)
            throw new InvalidOperationException($"{corpusCase.Name}: a block's expected findings must all be inside {MethodName}(): {string.Join(", ", outside)}");

        var isUnsafe = method.Modifiers.Any(SyntaxKind.UnsafeKeyword)
            || method.Ancestors().OfType<TypeDeclarationSyntax>().Any(t => t.Modifiers.Any(SyntaxKind.UnsafeKeyword));
        return new InjectableBlock(
            corpusCase.Name,
            corpusCase.Category,
            corpusCase.Source.Text.Substring(start, end - start),
            corpusCase.Source.Expected.Select(f => f with { Start = f.Start - start }).ToImmutableArray(),
            isUnsafe);
    }
}

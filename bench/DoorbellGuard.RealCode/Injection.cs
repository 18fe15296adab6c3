using System.Collections.Immutable;
using System.Linq;
using DoorbellGuard.Corpus.Measuring;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.RealCode;

/// <summary>A codebase file with one block injected into one member: the new text, where the block is, what it expects.</summary>
internal sealed record Injection(MethodSite Site, InjectableBlock Block, string Text, TextSpan BlockSpan, ImmutableArray<Finding> Expected)
{
    /// <summary>The block reaches DoorbellGuard's types through this using, put in front of the file's own.</summary>
    private const string Using = "using DoorbellGuard;\n";

    /// <param name="usingAt">Where the using goes in <paramref name="originalText"/> (<see cref="UsingPosition"/>).</param>
    public static Injection Create(string originalText, int usingAt, MethodSite site, int insertionPoint, InjectableBlock block)
    {
        // A block of its own keeps its locals out of the member's scope; an unsafe one can sit in a safe member.
        var opening = block.Unsafe ? "unsafe {" : "{";
        var injected = opening + block.Text + "}\n";
        var text = originalText.Substring(0, usingAt) + Using
            + originalText.Substring(usingAt, insertionPoint - usingAt) + injected
            + originalText.Substring(insertionPoint);

        var blockStart = insertionPoint + Using.Length;
        var expected = block.Expected.Select(f => f with { Start = f.Start + blockStart + opening.Length }).ToImmutableArray();
        return new Injection(site, block, text, new TextSpan(blockStart, injected.Length), expected);
    }

    /// <summary>After any extern alias (which must come first), before the first using, assembly attribute or member.</summary>
    public static int UsingPosition(CompilationUnitSyntax root)
    {
        if (root.Externs.Count > 0)
            return root.Externs[^1].FullSpan.End;
        var firsts = new[] { root.Usings.FirstOrDefault()?.SpanStart, root.AttributeLists.FirstOrDefault()?.SpanStart, root.Members.FirstOrDefault()?.SpanStart };
        return firsts.Where(p => p.HasValue).Select(p => p!.Value).DefaultIfEmpty(root.FullSpan.End).Min();
    }
}

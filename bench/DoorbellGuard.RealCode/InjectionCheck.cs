using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Corpus.Measuring;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.RealCode;

/// <summary>Why an injection could not be judged: the verdict of a block holds only where it compiles and the member can end normally after it.</summary>
internal enum Unjudgeable
{
    None,
    BlockDoesNotCompileHere,
    NoNormalExitAfterBlock,
}

/// <summary>The analyzer's findings on one injection: inside the block (against the verdict), outside it, failures.</summary>
internal sealed record InjectionOutcome(
    Injection Injection,
    Unjudgeable Unjudgeable,
    FindingMismatch? Mismatch,
    FindingTally? Tally,
    ImmutableArray<Finding> Inside,
    ImmutableArray<Diagnostic> Outside,
    ImmutableArray<string> Failures,
    string? Detail,
    int UnknownOperations);

/// <summary>
/// Compiles one modified file ALONE (the rest of its codebase is missing, so most of its types do not bind: that is the
/// point, the analysis must not be silenced by operations it does not know) and runs the analyzer on it.
/// </summary>
internal static class InjectionCheck
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions s_options = new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);
    private static readonly ImmutableArray<MetadataReference> s_references = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location))
        .ToImmutableArray();

    public static async Task<InjectionOutcome> RunAsync(Injection injection, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(injection.Text, s_parse, path: injection.Site.File, cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create("RealCode", new[] { tree }, s_references, s_options);

        var blockErrors = compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree && d.Location.SourceSpan.OverlapsWith(injection.BlockSpan))
            .ToList();
        if (blockErrors.Count > 0)
            return Unjudged(injection, Unjudgeable.BlockDoesNotCompileHere, blockErrors[0].ToString());
        var model = compilation.GetSemanticModel(tree);
        var statement = InjectedStatement(tree, injection);
        if (!CanEndNormallyAfterBlock(model, statement))
            return Unjudged(injection, Unjudgeable.NoNormalExitAfterBlock, null);

        var result = await ProtocolAnalyzerRun.RunAsync(compilation, cancellationToken);
        var inside = result.Findings.Where(f => injection.BlockSpan.Contains(new Microsoft.CodeAnalysis.Text.TextSpan(f.Finding.Start, f.Finding.Length)))
            .Select(f => f.Finding).ToImmutableArray();
        var outside = result.Diagnostics.Where(d => !injection.BlockSpan.Contains(d.Location.SourceSpan)).ToImmutableArray();
        var tally = new FindingTally();
        var mismatch = tally.Add(injection.Expected, inside);
        return new InjectionOutcome(injection, Unjudgeable.None, mismatch, tally, inside, outside, result.Failures, null,
            UnknownOperations(model, statement, injection));
    }

    /// <summary>
    /// The verdicts of DBL001-DBL004 are about paths that end the member normally: after the block, the member must be
    /// able to reach its end or a return (a member that always throws afterwards owes nothing, rightly).
    /// </summary>
    private static bool CanEndNormallyAfterBlock(SemanticModel model, StatementSyntax block)
    {
        var siblings = ((BlockSyntax)block.Parent!).Statements;
        var flow = model.AnalyzeControlFlow(block, siblings[^1]);
        if (flow is null || !flow.Succeeded || !flow.StartPointIsReachable)
            return false;
        return flow.EndPointIsReachable
            || flow.ReturnStatements.Any()
            || siblings.SkipWhile(s => s != block).Any(s => s.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.YieldBreakStatement)));
    }

    /// <summary>The block statement: the first statement around the block's first token that sits in the member's body.</summary>
    private static StatementSyntax InjectedStatement(SyntaxTree tree, Injection injection) =>
        tree.GetRoot().FindToken(injection.BlockSpan.Start).Parent!.AncestorsAndSelf().OfType<StatementSyntax>().First(s => s.Parent is BlockSyntax);

    /// <summary>
    /// Operations of the member, outside the block, that the compiler could not bind (invalid) or has no operation kind
    /// for (pointer code among them): what issue #11 says silences the analysis of the whole member today.
    /// </summary>
    private static int UnknownOperations(SemanticModel model, StatementSyntax block, Injection injection)
    {
        // The member, not only its body: a constructor initializer such as ': base(game)' is in the same graph.
        var member = block.Ancestors().First(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
        return model.GetOperation(member)?.DescendantsAndSelf()
            .Count(o => o.Kind is OperationKind.Invalid or OperationKind.None && !injection.BlockSpan.Contains(o.Syntax.Span)) ?? 0;
    }

    private static InjectionOutcome Unjudged(Injection injection, Unjudgeable reason, string? detail) =>
        new(injection, reason, null, null, ImmutableArray<Finding>.Empty, ImmutableArray<Diagnostic>.Empty, ImmutableArray<string>.Empty, detail, 0);
}

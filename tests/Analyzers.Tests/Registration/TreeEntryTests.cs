using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Registration;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>
/// The analyzer enters once per tree and asks for operations only for the members whose text may ring; the IDE's
/// request for one member's span analyses that member alone. Observed through <see cref="EntryStatistics"/>, not time.
/// </summary>
public class TreeEntryTests
{
    private const string Loop = """
        DoorbellStatus status;
                do
                {
                    d.Ring(1);
                    status = d.ReadStatus();
                    if (status == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    else if (status == DoorbellStatus.DisconnectedRetry) d.Connect();
                    else if (status == DoorbellStatus.DisconnectedAbort) throw new DoorbellException("device lost");
                }
                while (status == DoorbellStatus.DisconnectedRetry);
        """;

    private const string Submitters = """
        using DoorbellGuard;
        unsafe class Submitter
        {
            void Bare(Doorbell d) => d.Ring(1);

            void Copied(Doorbell d, ulong* ring, ulong packet)
            {
                ring[0] = packet;
                d.Ring(1);
            }

            void Complete(Doorbell d, ulong* ring, ulong packet)
            {
                ring[0] = packet;
                LOOP
            }

            int Ordinary(int x) => x + 1;
        }
        """;

    private static readonly CSharpParseOptions Latest = new(LanguageVersion.Latest);

    [Theory]
    [InlineData("Bare", 1)]
    [InlineData("Copied", 1)]
    [InlineData("Complete", 0)]
    public async Task A_span_request_for_one_member_analyses_that_member_only(string member, int expected)
    {
        var compilation = Unsafe(ModelDump.Compile(Submitters.Replace("LOOP", Loop)));
        var tree = compilation.SyntaxTrees[0];
        var (diagnostics, entry) = await AnalyzeAsync(compilation, tree, SpanOf(tree, member));
        Assert.Equal(new[] { member }, entry.Analysed);
        Assert.Equal(1, entry.OperationsRequested);
        Assert.Equal(expected, diagnostics.Count(d => d.Id == "DBL001"));
        Assert.All(diagnostics, d => Assert.True(SpanOf(tree, member).Contains(d.Location.SourceSpan), d.ToString()));
    }

    [Fact]
    public async Task A_span_request_for_a_member_that_names_no_ring_asks_for_no_operation()
    {
        var compilation = Unsafe(ModelDump.Compile(Submitters.Replace("LOOP", Loop)));
        var tree = compilation.SyntaxTrees[0];
        var (diagnostics, entry) = await AnalyzeAsync(compilation, tree, SpanOf(tree, "Ordinary"));
        Assert.Empty(diagnostics);
        Assert.Equal(0, entry.OperationsRequested);
        Assert.Empty(entry.Analysed);
    }

    [Fact]
    public async Task The_whole_tree_analyses_every_member_that_may_ring_and_no_other()
    {
        var compilation = Unsafe(ModelDump.Compile(Submitters.Replace("LOOP", Loop)));
        var (diagnostics, entry) = await AnalyzeAsync(compilation, compilation.SyntaxTrees[0], null);
        Assert.Equal(new[] { "Bare", "Complete", "Copied" }, entry.Analysed.OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Equal(3, entry.OperationsRequested);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "DBL001"));
    }

    [Fact]
    public async Task A_tree_that_names_no_ring_asks_for_no_operation()
    {
        const string ordinary = """
            using System.Linq;
            class Ordinary
            {
                int Sum(int[] values) => values.Sum();
                string Name { get; } = "ring"; // the word in a string is no identifier
                int Twice(int x) { var y = x * 2; return y; }
            }
            """;
        var compilation = ModelDump.Compile("using DoorbellGuard;\nclass C { void M(Doorbell d) => d.Ring(1); }\n").AddSyntaxTrees(Parse(ordinary, "/0/Ordinary.cs"));
        var plain = compilation.SyntaxTrees[1];
        var (diagnostics, entry) = await AnalyzeAsync(compilation, plain, null);
        Assert.Empty(diagnostics);
        Assert.Equal(1, entry.Trees);
        Assert.Equal(0, entry.OperationsRequested);

        // The tree beside it, which rings, is analysed.
        (diagnostics, entry) = await AnalyzeAsync(compilation, compilation.SyntaxTrees[0], null);
        Assert.Equal("DBL001", Assert.Single(diagnostics).Id);
        Assert.Equal(1, entry.OperationsRequested);
    }

    [Fact]
    public async Task A_generated_tree_asks_for_no_operation_and_the_same_text_elsewhere_is_analysed()
    {
        const string bare = "using DoorbellGuard;\nclass C{0} {{ void M(Doorbell d) => d.Ring(1); }}\n";
        var compilation = ModelDump.Compile(string.Format(bare, 0))
            .AddSyntaxTrees(Parse(string.Format(bare, 1), "/0/Queue.g.cs"), Parse("// <auto-generated/>\n" + string.Format(bare, 2), "/0/Header.cs"));
        foreach (var generated in compilation.SyntaxTrees.Skip(1))
        {
            var (diagnostics, entry) = await AnalyzeAsync(compilation, generated, null);
            Assert.Empty(diagnostics);
            Assert.Equal(0, entry.OperationsRequested);
        }

        var (reported, written) = await AnalyzeAsync(compilation, compilation.SyntaxTrees[0], null);
        Assert.Equal("DBL001", Assert.Single(reported).Id);
        Assert.Equal(new[] { "M" }, written.Analysed);
    }

    [Theory]
    [InlineData("wp => Kick(_bell, wp)", 1)]
    [InlineData("wp => KickAndRead(_bell, wp)", 0)]
    public async Task A_span_request_finds_a_ring_two_files_away(string pushBody, int expected)
    {
        const string submitter = """
            using DoorbellGuard;
            partial class Submitter
            {
                private readonly Doorbell _bell;
                Submitter(Doorbell bell) => _bell = bell;
                public void Submit(ulong wp) { Push(wp); }
                public int Other(int x) => x;
            }
            """;
        const string kicks = """
            using DoorbellGuard;
            static class Kicks
            {
                internal static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
                internal static void KickAndRead(Doorbell d, ulong wp)
                {
                    LOOP
                }
            }
            """;
        var push = "using DoorbellGuard;\nusing static Kicks;\npartial class Submitter\n{\n    private void Push(ulong " + pushBody.Replace("=>", ") =>") + ";\n}\n";
        var compilation = ModelDump.Compile(submitter)
            .AddSyntaxTrees(Parse(push, "/0/Submitter.Push.cs"), Parse(kicks.Replace("LOOP", Loop.Replace("d.Ring(1)", "d.Ring(wp)")), "/0/Kicks.cs"));
        var tree = compilation.SyntaxTrees[0];
        var (diagnostics, entry) = await AnalyzeAsync(compilation, tree, SpanOf(tree, "Submit"));
        Assert.Equal(new[] { "Submit" }, entry.Analysed);
        Assert.Equal(expected, diagnostics.Count(d => d.Id == "DBL001"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, EntryStatistics Entry)> AnalyzeAsync(Compilation compilation, SyntaxTree tree, TextSpan? span)
    {
        var entry = new EntryStatistics();
        var analyzer = new DoorbellProtocolAnalyzer(new AnalysisSettings(ProtocolBudget.Default, forceControlFlowGraph: false, entry: entry));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), span, CancellationToken.None);
        return (diagnostics, entry);
    }

    private static TextSpan SpanOf(SyntaxTree tree, string method) =>
        tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method).Span;

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, Latest, path);

    private static CSharpCompilation Unsafe(CSharpCompilation compilation) => compilation.WithOptions(compilation.Options.WithAllowUnsafe(true));
}

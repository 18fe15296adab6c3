using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>The fuzzer's own parts: a fuzzer that cannot see a crash, or mutates nothing, would pass for nothing.</summary>
public sealed class MachineryTests
{
    private const string Code = """
        using DoorbellGuard;

        class C
        {
            void M(Doorbell d)
            {
                d.Ring(1);
                var s = d.ReadStatus();
                if (s == DoorbellStatus.ConnectedNotify)
                {
                    d.NotifyWorkSubmission();
                }
            }
        }
        """;

    [Fact]
    public void Markup_of_the_testing_library_is_stripped()
    {
        var stripped = TestSourceCorpus.StripMarkup("{|#0:d.Ring(1)|}; [|x|] = {|DBL001:y|} + {|#12:z|};");

        Assert.Equal("d.Ring(1); x = y + z;", stripped);
    }

    [Fact]
    public void Raw_and_interpolated_raw_literals_are_extracted_from_a_test_file()
    {
        const string testFile = """"
            class Tests
            {
                void A() => Verify("""
                    class C { void M(Doorbell d) { {|#0:d.Ring(1)|}; } }
                    """);
                void B(string shape) => Verify($$"""
                    class D { {{shape}} }
                    """);
                void C() => Verify("no code here");
            }
            """";

        var literals = TestSourceCorpus.ExtractTestCode(testFile).ToList();

        Assert.Equal(2, literals.Count);
        Assert.Contains("{|#0:d.Ring(1)|}", literals[0], StringComparison.Ordinal);
        Assert.Equal("class D { shape }", literals[1]);
    }

    [Fact]
    public void Truncation_yields_one_prefix_per_token()
    {
        var seed = new SeedSource("test", Code);

        var truncations = Mutator.TruncationsAtEveryTokenBoundary(seed).ToList();

        Assert.Equal(Mutator.TokenCount(Code), truncations.Count);
        Assert.All(truncations, t => Assert.StartsWith(t.Text, Code, StringComparison.Ordinal));
        Assert.Equal("using", truncations[0].Text);
        Assert.Equal(Code.TrimEnd(), truncations[^1].Text);
    }

    [Fact]
    public void Random_mutations_are_deterministic_for_a_seed_and_change_the_text()
    {
        var seed = new SeedSource("test", Code);
        string[] Run(int s)
        {
            var random = new Random(s);
            return Enumerable.Range(0, 50).Select(_ => Mutator.RandomMutation(seed, random).Text).ToArray();
        }

        var first = Run(7);
        var again = Run(7);
        var other = Run(8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Count(t => t != Code) >= 45, "Nearly every mutation must change the text.");
    }

    [Fact]
    public void The_plan_spends_the_budget_exactly_and_starts_with_the_seeds_as_written()
    {
        var seeds = new[] { new SeedSource("a", Code), new SeedSource("b", Code.Replace("d.", "e.", StringComparison.Ordinal)) };

        var inputs = FuzzPlan.Inputs(seeds, 40, 1).ToList();

        Assert.Equal(40, inputs.Count);
        Assert.Equal(Code, inputs[0].Text);
        Assert.Contains(inputs, i => i.Description.Contains("truncated", StringComparison.Ordinal));
        Assert.Equal(inputs.Select(i => i.Text), FuzzPlan.Inputs(seeds, 40, 1).Select(i => i.Text));
    }

    [Fact]
    public async Task A_throwing_analyzer_is_reported()
    {
        var target = new FuzzTarget(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), ImmutableArray<CodeFixProvider>.Empty);

        var failures = await target.RunAsync(Code, CancellationToken.None);

        // One failure per invocation in the code: the analyzer threw on each of the three.
        Assert.Equal(3, failures.Count(f => f.Stage == "analyzer"));
        Assert.All(failures, f => Assert.Equal(typeof(InvalidOperationException).FullName, f.ExceptionType));
        Assert.All(failures, f => Assert.Contains("boom", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fixer_that_throws_while_registering_or_while_computing_its_change_is_reported()
    {
        var target = new FuzzTarget(
            ImmutableArray.Create<DiagnosticAnalyzer>(new EveryMethodAnalyzer()),
            ImmutableArray.Create<CodeFixProvider>(new ThrowingFixer(throwWhileRegistering: true), new ThrowingFixer(throwWhileRegistering: false)));

        var failures = await target.RunAsync(Code, CancellationToken.None);

        Assert.Contains(failures, f => f.Stage == "RegisterCodeFixesAsync" && f.ExceptionType == typeof(ArgumentException).FullName);
        Assert.Contains(failures, f => f.Stage.StartsWith("code action", StringComparison.Ordinal) && f.ExceptionType == typeof(FormatException).FullName);
        Assert.Contains(failures, f => f.Stage.StartsWith("Fix All", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quiet_analyzer_and_a_working_fixer_produce_no_failure()
    {
        var target = new FuzzTarget(
            ImmutableArray.Create<DiagnosticAnalyzer>(new EveryMethodAnalyzer()),
            ImmutableArray.Create<CodeFixProvider>(new RenamingFixer()));

        var failures = await target.RunAsync(Code, CancellationToken.None);

        Assert.Empty(failures);
        Assert.Equal(1, target.DiagnosticsSeen);
        Assert.True(target.CodeActionsApplied >= 1);
    }

    [Fact]
    public async Task Editorconfig_options_reach_the_analyzers()
    {
        var target = new FuzzTarget(ImmutableArray.Create<DiagnosticAnalyzer>(new OptionReadingAnalyzer()), ImmutableArray<CodeFixProvider>.Empty);
        var options = ImmutableDictionary<string, string>.Empty.Add("doorbellguard.ring_methods", "M:(");

        var without = await target.RunAsync(Code, CancellationToken.None);
        var with = await target.RunAsync(Code, options, CancellationToken.None);

        Assert.Empty(without);
        Assert.Contains(with, f => f.Message.Contains("M:(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reducer_keeps_what_the_failure_needs_and_drops_the_rest()
    {
        var minimal = await Reducer.ReduceAsync(Code, candidate => Task.FromResult(candidate.Contains("NotifyWorkSubmission", StringComparison.Ordinal)));

        Assert.Equal("NotifyWorkSubmission", minimal);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("FUZZ001", "t", "m", "c", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invocation);
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OptionReadingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("FUZZ003", "t", "m", "c", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(c =>
            {
                if (c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Tree).TryGetValue("doorbellguard.ring_methods", out var value))
                {
                    throw new FormatException("cannot parse " + value);
                }
            });
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EveryMethodAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new("FUZZ002", "t", "method {0}", "c", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(c => c.ReportDiagnostic(Diagnostic.Create(Rule, c.Symbol.Locations[0], c.Symbol.Name)), SymbolKind.Method);
        }
    }

    private sealed class ThrowingFixer : CodeFixProvider
    {
        private readonly bool _throwWhileRegistering;

        public ThrowingFixer(bool throwWhileRegistering) => _throwWhileRegistering = throwWhileRegistering;

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("FUZZ002");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (_throwWhileRegistering)
            {
                throw new ArgumentException("bad span");
            }
            context.RegisterCodeFix(
                CodeAction.Create("broken", new Func<CancellationToken, Task<Document>>(_ => throw new FormatException("broken fix")), equivalenceKey: "broken"),
                context.Diagnostics);
            return Task.CompletedTask;
        }
    }

    private sealed class RenamingFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("FUZZ002");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "append a comment",
                    async ct =>
                    {
                        var text = await context.Document.GetTextAsync(ct);
                        return context.Document.WithText(text.Replace(context.Span.End, 0, " /* fixed */"));
                    },
                    equivalenceKey: "comment"),
                context.Diagnostics);
            return Task.CompletedTask;
        }
    }
}

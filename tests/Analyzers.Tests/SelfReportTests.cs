using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Registration;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>What the analysis says about itself: DBL900 when it did not finish a method, DBL901 when an option names nothing.</summary>
public class SelfReportTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, AnalysisSettings settings)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("DBL900", ReportDiagnostic.Info) });
        var compilation = ModelDump.Compile(source).WithOptions(options);
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer(settings))).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_method_past_the_block_budget_gets_DBL900_and_nothing_else()
    {
        const string source = """
            using DoorbellGuard;
            class C
            {
                void Big(Doorbell d, int k)
                {
                    d.Ring(1);
                    if (k == 1) k++; if (k == 2) k++; if (k == 3) k++; if (k == 4) k++; if (k == 5) k++; if (k == 6) k++;
                }

                void Small(Doorbell d) => d.Ring(1);
            }
            """;
        var diagnostics = await AnalyzeAsync(source, new AnalysisSettings(new ProtocolBudget(maxBlocks: 12, maxSteps: 1_000_000), forceControlFlowGraph: false));
        var skipped = Assert.Single(diagnostics, d => d.Id == "DBL900");
        Assert.Equal(DiagnosticSeverity.Info, skipped.Severity);
        Assert.Equal("DoorbellGuard did not check C.Big(Doorbell, int): its paths need more than 12 blocks (finally copies and followed helpers included); split the method, or set doorbellguard.max_call_depth lower",
            skipped.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Big", skipped.Location.SourceTree!.GetText().ToString(skipped.Location.SourceSpan));
        // Big is not reported on; Small, within budget, is.
        Assert.Equal(new[] { "DBL001" }, diagnostics.Where(d => d.Id != "DBL900").Select(d => d.Id).ToArray());
        Assert.Contains("Small", diagnostics.Single(d => d.Id == "DBL001").Location.SourceTree!.GetText().Lines[diagnostics.Single(d => d.Id == "DBL001").Location.GetLineSpan().StartLinePosition.Line].ToString());
    }

    [Fact]
    public async Task A_method_past_the_step_budget_gets_DBL900()
    {
        const string source = """
            using DoorbellGuard;
            class C
            {
                void Loop(Doorbell d, int k)
                {
                    while (k-- > 0) { d.Ring(1); if (d.ReadStatus() == DoorbellStatus.DisconnectedRetry) d.Connect(); }
                }
            }
            """;
        var diagnostics = await AnalyzeAsync(source, new AnalysisSettings(new ProtocolBudget(maxBlocks: 20_000, maxSteps: 3), forceControlFlowGraph: false));
        Assert.Equal(new[] { "DBL900" }, diagnostics.Select(d => d.Id).ToArray());
        Assert.Contains("took more than 3 steps", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_expression_too_deep_to_follow_gets_DBL900_naming_it()
    {
        var concatenation = string.Join(" + ", Enumerable.Range(0, 260).Select(i => "x"));
        var source = "using DoorbellGuard;\nclass C\n{\n    string Deep(Doorbell d, string x)\n    {\n        d.Ring(1);\n        return " + concatenation + ";\n    }\n}\n";
        var diagnostics = await AnalyzeAsync(source, AnalysisSettings.Default);
        Assert.Equal(new[] { "DBL900" }, diagnostics.Select(d => d.Id).ToArray());
        Assert.Contains("an expression in it nests deeper than the analysis follows", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DBL900_is_hidden_unless_asked_for()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            "using DoorbellGuard;\nclass C\n{\n    string Deep(Doorbell d, string x) { d.Ring(1); return " + string.Join(" + ", Enumerable.Range(0, 260).Select(i => "x")) + "; }\n}\n",
            new DiagnosticResult(Descriptors.AnalysisSkipped.Id, DiagnosticSeverity.Hidden).WithSpan(4, 12, 4, 16).WithArguments("C.Deep(Doorbell, string)", "an expression in it nests deeper than the analysis follows; split the expression"));
    }

    [Fact]
    public async Task Wrapper_ids_that_name_nothing_and_option_values_that_mean_nothing_get_DBL901_once_each()
    {
        const string source = """
            using DoorbellGuard;
            namespace Contoso { public static class Native { public static void Ring(Doorbell d, ulong v) { } } }
            class C { void M(Doorbell d) { Contoso.Native.Ring(d, 1); } }
            class D { void N(Doorbell d) { } }
            """;
        const string editorConfig = """
            root = true
            [*.cs]
            doorbellguard.ring_methods = M:Contoso.Native.Rng(DoorbellGuard.Doorbell,System.UInt64) | M:Contoso.Native.Ring(DoorbellGuard.Doorbell,System.UInt64)
            doorbellguard.max_call_depth = deep
            doorbellguard.interprocedural = all
            """;
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("Contoso.Native.Ring(d, 1)", "{|#0:Contoso.Native.Ring(d, 1)|}"), editorConfig,
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("d"),
            new DiagnosticResult(Descriptors.OptionNamesNothing.Id, DiagnosticSeverity.Warning).WithArguments(
                "doorbellguard.ring_methods names 'M:Contoso.Native.Rng(DoorbellGuard.Doorbell,System.UInt64)', which is no method or property of this compilation, so nothing is checked through it: write its documentation-comment ID, for example M:Namespace.Type.Method(System.UInt64)"),
            new DiagnosticResult(Descriptors.OptionNamesNothing.Id, DiagnosticSeverity.Warning).WithArguments(
                "doorbellguard.interprocedural = all is neither none nor summaries; summaries applies"));
    }

    [Fact]
    public async Task A_call_depth_that_is_no_number_keeps_the_default_and_says_so()
    {
        await VerifyCS.VerifyAnalyzerAsync("using DoorbellGuard;\nclass C { void M(Doorbell d) { } }\n", "root = true\n[*.cs]\ndoorbellguard.max_call_depth = 11\n",
            new DiagnosticResult(Descriptors.OptionNamesNothing.Id, DiagnosticSeverity.Warning).WithArguments(
                "doorbellguard.max_call_depth = 11 is not a whole number from 0 to 10; the default, 3, applies"));
    }
}

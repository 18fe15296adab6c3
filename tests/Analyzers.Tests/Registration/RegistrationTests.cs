using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>What the analyzer registers, and when it registers nothing at all.</summary>
public class RegistrationTests
{
    private const string ThreeMethods = """
        using DoorbellGuard;
        class C
        {
            void Bare(Doorbell d) => d.Ring(1);
            int Ordinary(int x) => x + 1;
            string Other() => "no doorbell here";
        }
        """;

    private static async Task<(AnalyzerTelemetryInfo Telemetry, ImmutableArray<Diagnostic> Diagnostics)> RunAsync(Compilation compilation)
    {
        var analyzer = new DoorbellProtocolAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None), diagnostics);
    }

    [Fact]
    public void One_analyzer_supports_every_rule()
    {
        var ids = new DoorbellProtocolAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "DBL001", "DBL002", "DBL003", "DBL004", "DBL005", "DBL006", "DBL900", "DBL901" }, ids);
        var analyzers = typeof(DoorbellProtocolAnalyzer).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);
        Assert.Equal(new[] { typeof(DoorbellProtocolAnalyzer) }, analyzers);
    }

    [Fact]
    public async Task Without_DoorbellGuard_nothing_runs_past_compilation_start()
    {
        const string lookAlike = "class Doorbell { public void Ring(ulong v) { } }\nclass C { void M(Doorbell d) { d.Ring(1); } }\n";
        var (telemetry, diagnostics) = await RunAsync(ModelDump.Compile(lookAlike, referenceRuntime: false));
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.SemanticModelActionsCount + telemetry.OperationBlockActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.OperationActionsCount);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task With_DoorbellGuard_one_tree_action_and_nothing_per_method_or_operation()
    {
        var (telemetry, diagnostics) = await RunAsync(ModelDump.Compile(ThreeMethods));
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(1, telemetry.SemanticModelActionsCount);
        Assert.Equal(0, telemetry.OperationBlockActionsCount + telemetry.CodeBlockActionsCount + telemetry.CodeBlockStartActionsCount);
        Assert.Equal(1, telemetry.CompilationEndActionsCount); // DBL901, once per compilation
        Assert.Equal(0, telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SymbolActionsCount);
        Assert.Equal("DBL001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task One_rule_off_leaves_the_others_on()
    {
        const string source = """
            using DoorbellGuard;
            class C
            {
                void Bare(Doorbell d) => {|#0:d.Ring(1)|};
                void Unretried(Doorbell d)
                {
                    {|#1:d.Ring(1)|};
                    if (d.ReadStatus() == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    else if (d.ReadStatus() == DoorbellStatus.DisconnectedAbort) throw new DoorbellException("lost");
                }
            }
            """;
        await DoorbellVerifier.VerifyAnalyzerAsync(source, "root = true\n[*]\ndotnet_diagnostic.DBL001.severity = none\n",
            DoorbellVerifier.Diagnostic(Descriptors.DisconnectNotRetried).WithLocation(1).WithArguments("d"));
        await DoorbellVerifier.VerifyAnalyzerAsync(source, "root = true\n[*]\ndotnet_diagnostic.DBL002.severity = none\n",
            DoorbellVerifier.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("d"));
    }

    [Fact]
    public async Task Every_rule_off_and_the_analysis_does_not_run()
    {
        var off = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(Descriptors.All.Select(d => new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>(d.Id, ReportDiagnostic.Suppress)));
        var (telemetry, diagnostics) = await RunAsync(ModelDump.Compile(ThreeMethods).WithOptions(off));
        Assert.Equal(0, telemetry.CompilationStartActionsCount + telemetry.SemanticModelActionsCount);
        Assert.Empty(diagnostics);

        // One rule left on: the analysis runs.
        var oneOn = off.WithSpecificDiagnosticOptions(off.SpecificDiagnosticOptions.Remove("DBL001"));
        (telemetry, diagnostics) = await RunAsync(ModelDump.Compile(ThreeMethods).WithOptions(oneOn));
        Assert.Equal(1, telemetry.SemanticModelActionsCount);
        Assert.Equal("DBL001", Assert.Single(diagnostics).Id);
    }
}

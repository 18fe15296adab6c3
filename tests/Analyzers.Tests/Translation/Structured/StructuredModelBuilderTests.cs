using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Registration;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Tests.Translation;

/// <summary>Which bodies the syntax-directed builder covers, and which it leaves to the control-flow graph.</summary>
public class StructuredModelBuilderTests
{
    [Theory]
    [InlineData("if (b) d.Ring(1); else { d.Ring(2); }")]
    [InlineData("while (b) { d.Ring(1); if (b) break; else continue; }")]
    [InlineData("do { d.Ring(1); } while (d.ReadStatus() == DoorbellStatus.DisconnectedRetry);")]
    [InlineData("for (var i = 0; i < 3; i++) d.Ring((ulong)i);")]
    [InlineData("foreach (var x in new[] { 1, 2 }) d.Ring((ulong)x);")]
    [InlineData("switch (d.ReadStatus()) { case DoorbellStatus.Connected: d.Ring(1); break; case var s when b: return; default: throw new System.Exception(); }")]
    [InlineData("d.Ring(1); var r = d.ReadStatus() switch { DoorbellStatus.Connected => 1, DoorbellStatus.ConnectedNotify when b => 2, _ => 3 };")]
    [InlineData("try { d.Ring(1); } catch (System.Exception e) when (e is System.InvalidOperationException) { } finally { d.ReadStatus(); }")]
    [InlineData("using (var m = new System.IO.MemoryStream()) d.Ring(1);")]
    [InlineData("using var m = new System.IO.MemoryStream(); d.Ring(1);")]
    [InlineData("lock (this) { d.Ring(1); }")]
    [InlineData("d?.Ring(1); var s = d?.ReadStatus() ?? DoorbellStatus.Connected; var t = b ? s : DoorbellStatus.Connected;")]
    [InlineData("_d ??= d; _d.Ring(1); var ok = b && d.ReadStatus() == DoorbellStatus.Connected || !b;")]
    [InlineData("d.Ring(1); var x = o ?? throw new System.ArgumentNullException(nameof(o));")]
    [InlineData("System.Action a = () => d.Ring(1); void L() { d.Ring(2); } a(); L();")]
    public async Task Structured_statements_and_expressions_need_no_graph(string body)
    {
        var statistics = await AnalyzeAsync("void M(Doorbell d, bool b, object? o) { " + body + " }");
        Assert.Equal((1, 0), (statistics.Structured, statistics.Graph));
    }

    [Theory]
    [InlineData("void M(Doorbell d) { again: d.Ring(1); if (d.ReadStatus() == DoorbellStatus.DisconnectedRetry) goto again; }", "goto or label")]
    [InlineData("async System.Threading.Tasks.Task M(Doorbell d, System.Collections.Generic.IAsyncEnumerable<int> xs) { await foreach (var x in xs) d.Ring(1); }", "await foreach")]
    [InlineData("async System.Threading.Tasks.Task M(Doorbell d) { await using var s = new System.IO.MemoryStream(); d.Ring(1); }", "await using")]
    [InlineData("void M(Doorbell d, int k) { switch (k) { case 1: d.Ring(1); goto case 2; case 2: break; } }", "goto or label")]
    public async Task What_the_builder_leaves_to_the_graph(string method, string construct)
    {
        var statistics = await AnalyzeAsync(method);
        Assert.Equal((0, 1), (statistics.Structured, statistics.Graph));
        Assert.Contains(statistics.NotCovered.Keys, k => k.StartsWith(construct.Split(',')[0], System.StringComparison.Ordinal) || k.Contains(construct, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_method_that_rings_nothing_is_not_translated_at_all()
    {
        var statistics = await AnalyzeAsync("int M(int x) { if (x > 0) { goto done; } done: return x; }");
        Assert.Equal((0, 0), (statistics.Structured, statistics.Graph));
    }

    private static async Task<TranslationStatistics> AnalyzeAsync(string member)
    {
        var statistics = new TranslationStatistics();
        var compilation = ModelDump.Compile("using DoorbellGuard;\n#nullable enable\nclass C\n{\n    private Doorbell? _d;\n    " + member + "\n}\n");
        var analyzer = new DoorbellProtocolAnalyzer(new AnalysisSettings(ProtocolBudget.Default, forceControlFlowGraph: false, statistics));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAllDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "AD0001");
        return statistics;
    }
}

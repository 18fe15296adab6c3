using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Protocol;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>The branch-free fast path decides exactly what the CFG path decides, and is taken only where it may be.</summary>
public class StraightLineParityTests
{
    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using DoorbellGuard;
        class Owner { public Doorbell Doorbell { get; } = null!; }
        class C
        {
            private Doorbell _d = null!;
            private Owner _owner = null!;
            private int _count;

            void BareRing(Doorbell d) { d.Ring(1); }
            void Expression(Doorbell d) => d.Ring(1);
            void Discarded(Doorbell d, ulong v) { d.Ring(v); d.ReadStatus(); }
            DoorbellStatus HandedOver(Doorbell d, ulong v) { d.Ring(v); return d.ReadStatus(); }
            DoorbellStatus Local(Doorbell d, ulong v) { d.Ring(v); var s = d.ReadStatus(); var t = s; return t; }
            bool Distinguished(Doorbell d, ulong v) { d.Ring(v); var s = d.ReadStatus(); d.NotifyWorkSubmission(); return s != DoorbellStatus.DisconnectedAbort; }
            bool NotDistinguished(Doorbell d, ulong v) { d.Ring(v); var s = d.ReadStatus(); return s == DoorbellStatus.Connected; }
            void Created(HardwareQueue q) { var d = q.CreateDoorbell(); d.Ring(1); Console.WriteLine(d.ReadStatus()); }
            void CreatedAndConnected(HardwareQueue q) { var d = q.CreateDoorbell(); d.Connect(); d.Ring(1); d.RingAndConfirm(2); }
            void Fields() { _d.Ring(1); _count++; _owner.Doorbell.Ring(2); Console.WriteLine(this._owner.Doorbell.ReadStatus()); }
            void Reassigned(Doorbell d, Doorbell other) { d.Ring(1); d = other; Console.WriteLine(d.ReadStatus()); }
            void Aliased(Doorbell d) { d.Ring(1); var copy = d; Console.WriteLine(copy.ReadStatus()); }
            void TwoRings(Doorbell a, Doorbell b) { a.Ring(1); b.Ring(2); Console.WriteLine(b.ReadStatus()); }
            void Helper() { _d.Ring(1); Count(); Show(); }
            void Count() => _count++;
            void Show() => Console.WriteLine(_d.ReadStatus());
            void Recursive(Doorbell d, ulong v) { d.Ring(v); d.ReadStatus(); d.Connect(); Recursive(d, v); }
            async Task Async(Doorbell d) { d.Ring(1); await Task.Yield(); d.ReadStatus(); }
            C(Doorbell d) { d.Ring(3); }
        }
        """;

    [Fact]
    public void Fast_path_matches_the_graph_on_every_branch_free_body()
    {
        var compilation = ModelDump.Compile(Source);
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var symbols = ProtocolSymbols.TryCreate(compilation)!;
        var bodies = tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().ToArray();
        Assert.Equal(19, bodies.Length);
        var withReports = 0;
        foreach (var body in bodies)
        {
            var root = model.GetOperation(body)!;
            var function = (IMethodSymbol)model.GetDeclaredSymbol(body)!;
            Assert.True(StraightLineBody.TryGetStatements(root, out var statements), body.ToString());

            var fast = ImmutableArray.CreateBuilder<ProtocolReport>();
            FunctionAnalysis.AnalyzeStraightLine(statements, function, false, symbols, WrapperConfiguration.Empty, ProtocolBudget.Default, fast, CancellationToken.None);
            var slow = ImmutableArray.CreateBuilder<ProtocolReport>();
            FunctionAnalysis.Analyze(ControlFlowGraph.Create(body, model)!, function, false, symbols, WrapperConfiguration.Empty, ProtocolBudget.Default, slow, CancellationToken.None);

            Assert.Equal(Describe(slow), Describe(fast));
            if (slow.Count > 0)
                withReports++;
        }

        Assert.True(withReports >= 8, "the parity corpus must exercise reports, not only silence");
    }

    [Theory]
    [InlineData("void M(Doorbell d, bool b) { if (b) d.Ring(1); }")]
    [InlineData("void M(Doorbell? d) { d?.Ring(1); }")]
    [InlineData("void M(Doorbell d, bool a, bool b) { d.Ring(1); var x = a && b; }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); var ok = d.ReadStatus() is DoorbellStatus.Connected; }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); var ok = d.ReadStatus() switch { _ => 1 }; }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); System.Action a = () => d.ReadStatus(); }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); System.Console.WriteLine($\"{d.ReadStatus()}\"); }")]
    [InlineData("void M(HardwareQueue q) { using var d = q.CreateDoorbell(); d.Ring(1); }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); L(); void L() { } }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); throw new System.Exception(); }")]
    [InlineData("void M(Doorbell d, Doorbell? e) { d.Ring(1); var x = e ?? d; }")]
    [InlineData("void M(Doorbell d) { for (;;) d.Ring(1); }")]
    public void Bodies_that_branch_take_the_graph(string member)
    {
        var compilation = ModelDump.Compile("using DoorbellGuard;\nclass C\n{\n" + member + "\n}\n");
        var tree = compilation.SyntaxTrees[0];
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var root = compilation.GetSemanticModel(tree).GetOperation(body)!;
        Assert.False(StraightLineBody.TryGetStatements(root, out _));
    }

    private static string[] Describe(ImmutableArray<ProtocolReport>.Builder reports) =>
        reports.Select(r => r.Rule + "@" + r.Location.SourceSpan + ":" + r.DoorbellText).OrderBy(x => x).ToArray();
}

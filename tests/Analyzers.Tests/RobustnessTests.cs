using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>The analyzer never throws, on invalid and half-typed code.</summary>
public class RobustnessTests
{
    private const string Sample = """
        using System;
        using System.Threading.Tasks;
        using DoorbellGuard;
        class C
        {
            private Doorbell _d = null!;
            async Task<bool> Submit(HardwareQueue q, ulong v)
            {
                var d = q.CreateDoorbell();
                d.Connect();
                DoorbellStatus s;
                do
                {
                    d?.Ring(v);
                    s = d!.ReadStatus();
                    switch (s)
                    {
                        case DoorbellStatus.ConnectedNotify: d.NotifyWorkSubmission(); break;
                        case DoorbellStatus.DisconnectedRetry: d.Connect(); break;
                    }
                } while (s == DoorbellStatus.DisconnectedRetry);
                try { _d.Ring(1); } finally { Console.WriteLine(_d.ReadStatus() is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify); }
                Func<int, bool> f = x => { _d.Ring((ulong)x); return _d.ReadStatus() switch { DoorbellStatus.Connected => true, _ => false }; };
                await Task.Yield();
                return s != DoorbellStatus.DisconnectedAbort && f(1);
            }
        }
        """;

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, bool referenceRuntime = true)
    {
        var compilation = ModelDump.Compile(source, referenceRuntime);
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(DoorbellVerifier.AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Every_prefix_of_a_method_analyzes_without_an_exception()
    {
        // Half-typed code: cut the sample at many points. With failures rethrown in tests, a crash shows up as AD0001.
        var start = Sample.IndexOf("async Task", StringComparison.Ordinal);
        for (var cut = start; cut < Sample.Length; cut += 11)
        {
            var diagnostics = await AnalyzeAsync(Sample.Substring(0, cut));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    [Theory]
    [InlineData("void M(Doorbell d) { d.Ring(); }")]
    [InlineData("void M(Doorbell d) { d.Ring(1) d.ReadStatus() }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); if (d.ReadStatus() == ) return; }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); switch (d.ReadStatus()) { case DoorbellStatus.: break; } }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); var s = d.ReadStatus(); goto missing; }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); var s = d.ReadStatus() is DoorbellStatus.Connected or; }")]
    [InlineData("void M(Doorbell d) { Unknown(d.Ring(1)); }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); return d.ReadStatus() switch { }; }")]
    [InlineData("void M(Doorbell d) { foreach (var x in d) d.Ring(x); }")]
    [InlineData("void M(Doorbell d) { d.Ring(1); break; }")]
    [InlineData("void M(Doorbell d) { try { d.Ring(1); } finally { return; } }")]
    [InlineData("void M(Doorbell d) => d.Ring(1) + 1;")]
    [InlineData("int M(Doorbell d) { d.Ring(1); lock (d) { } yield return 1; }")]
    public async Task Invalid_code_never_throws(string member)
    {
        var diagnostics = await AnalyzeAsync("using DoorbellGuard;\nclass C\n{\n" + member + "\n}\n");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Deeply_nested_expressions_do_not_overflow()
    {
        var condition = string.Join(" && ", Enumerable.Range(0, 400).Select(i => "s != DoorbellStatus.Connected"));
        var diagnostics = await AnalyzeAsync("using DoorbellGuard;\nclass C\n{\nvoid M(Doorbell d) { d.Ring(1); var s = d.ReadStatus(); if (" + condition + ") return; }\n}\n");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        var sum = string.Join(" + ", Enumerable.Range(0, 3000).Select(i => "x"));
        diagnostics = await AnalyzeAsync("using DoorbellGuard;\nclass C\n{\nvoid M(Doorbell d, ulong x) { d.Ring(" + sum + "); }\n}\n");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}

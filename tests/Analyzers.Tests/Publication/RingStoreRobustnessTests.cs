using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Tests.Publication;

/// <summary>DBL006 never throws, on half-typed and invalid pointer code: with failures rethrown in tests, a crash shows up as AD0001.</summary>
public class RingStoreRobustnessTests
{
    private const string Sample = """
        using System;
        using System.Threading;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        namespace Contoso
        {
            sealed class DoorbellRingAttribute : Attribute { }
            unsafe struct D3DKMT_CREATE_DOORBELL { public void* DoorbellCPUVirtualAddress; public void* DoorbellSecondaryCPUVirtualAddress; }
            unsafe class Submitter
            {
                ulong* _ring; ulong* _bell; IntPtr _ptr;
                [DoorbellRing]
                void Kick(ulong packet, ulong wp)
                {
                    _ring[wp] = packet;
                    if (wp > 0) { Interlocked.MemoryBarrier(); } else { Thread.MemoryBarrier(); }
                    L: *_bell = wp;
                    Unsafe.Write(_bell, wp);
                    Marshal.WriteInt64(_ptr, 0, (long)wp);
                    Volatile.Write(ref *_bell, wp);
                }
                void Raw(D3DKMT_CREATE_DOORBELL create, ulong wp)
                {
                    var p = (ulong*)create.DoorbellCPUVirtualAddress;
                    try { *p = wp; } finally { Interlocked.MemoryBarrier(); }
                    ((ulong*)create.DoorbellSecondaryCPUVirtualAddress)[0] = wp;
                    Action a = () => *(ulong*)create.DoorbellCPUVirtualAddress = wp;
                }
            }
        }
        """;

    [Fact]
    public async Task Every_prefix_of_pointer_code_analyzes_without_an_exception()
    {
        var start = Sample.IndexOf("[DoorbellRing]", StringComparison.Ordinal);
        for (var cut = start; cut < Sample.Length; cut += 7)
        {
            var diagnostics = await AnalyzeAsync(Sample.Substring(0, cut));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == DiagnosticIds.AnalysisSkipped);
        }

        // The whole sample does report: the prefixes ran the check.
        Assert.Contains(await AnalyzeAsync(Sample), d => d.Id == DiagnosticIds.RingStoreNotPublished);
    }

    [Theory]
    [InlineData("[DoorbellRing] void M(ulong wp) { *_bell = ; }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { * = wp; }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { _bell[] = wp; }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { *missing = wp; }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { Unsafe.Write(_bell); }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { Volatile.Write(ref *_bell); }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { Marshal.WriteInt64(wp, _bell); }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { goto L; Interlocked.MemoryBarrier(); *_bell = wp; }")]
    [InlineData("[DoorbellRing] void M(ulong wp) { switch (wp) { case 1: Interlocked.MemoryBarrier(); case 2: *_bell = wp; } }")]
    [InlineData("void M(D3DKMT_CREATE_DOORBELL c, ulong wp) { var p = p; *p = wp; }")]
    [InlineData("void M(D3DKMT_CREATE_DOORBELL c, ulong wp) { *c.DoorbellCPUVirtualAddress = wp; }")]
    [InlineData("void M(D3DKMT_CREATE_DOORBELL c, ulong wp) { ulong* p; *p = wp; p = (ulong*)c.DoorbellCPUVirtualAddress; }")]
    public async Task Invalid_pointer_code_never_throws(string member)
    {
        var source = """
            using System; using System.Threading; using System.Runtime.CompilerServices; using System.Runtime.InteropServices;
            sealed class DoorbellRingAttribute : Attribute { }
            unsafe struct D3DKMT_CREATE_DOORBELL { public void* DoorbellCPUVirtualAddress; }
            unsafe class C
            {
                ulong* _bell;
            """ + member + "\n}\n";
        var diagnostics = await AnalyzeAsync(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == DiagnosticIds.AnalysisSkipped);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = ModelDump.Compile(source, referenceRuntime: false);
        compilation = compilation.WithOptions(compilation.Options.WithAllowUnsafe(true));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(DoorbellVerifier.AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}

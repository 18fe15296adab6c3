using System.Linq;
using DoorbellGuard.Analyzers.Publication;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Tests.Publication;

/// <summary>A full barrier before a store on every path, by the statements' dominance: both ways for each shape.</summary>
public class FullBarriersTests
{
    [Theory]
    [InlineData("Interlocked.MemoryBarrier(); *_bell = wp;")]
    [InlineData("Thread.MemoryBarrier(); *_bell = wp;")]
    [InlineData("Interlocked.MemoryBarrierProcessWide(); *_bell = wp;")]
    [InlineData("var old = Interlocked.Exchange(ref _count, 1); *_bell = wp;")]
    [InlineData("_ = Interlocked.Read(ref _count); *_bell = wp;")]
    [InlineData("Interlocked.MemoryBarrier(); if (wp > 0) { *_bell = wp; }")]
    [InlineData("Interlocked.MemoryBarrier(); for (var i = 0; i < 2; i++) *_bell = wp;")]
    [InlineData("{ if (wp == 0) return; Interlocked.MemoryBarrier(); } *_bell = wp;")]
    [InlineData("if (wp == 0) Interlocked.MemoryBarrier(); else Thread.MemoryBarrier(); *_bell = wp;")]
    [InlineData("try { } finally { Interlocked.MemoryBarrier(); } *_bell = wp;")]
    [InlineData("lock (this) { Interlocked.MemoryBarrier(); } *_bell = wp;")]
    [InlineData("do { Interlocked.MemoryBarrier(); } while (wp-- > 10); *_bell = wp;")]
    [InlineData("Interlocked.MemoryBarrier(); switch (wp) { case 1: *_bell = wp; break; }")]
    public void A_barrier_on_every_path_precedes_the_store(string body) =>
        Assert.True(FullBarriers.PrecedeOnEveryPath(Store(body)));

    [Theory]
    [InlineData("*_bell = wp;")]
    [InlineData("*_bell = wp; Interlocked.MemoryBarrier();")]
    [InlineData("Volatile.Write(ref _field, wp); *_bell = wp;")]
    [InlineData("Thread.Sleep(0); *_bell = wp;")]
    [InlineData("if (wp == 0) Interlocked.MemoryBarrier(); *_bell = wp;")]
    [InlineData("if (wp == 0) Interlocked.MemoryBarrier(); else { } *_bell = wp;")]
    [InlineData("while (wp-- > 10) Interlocked.MemoryBarrier(); *_bell = wp;")]
    [InlineData("try { Interlocked.MemoryBarrier(); } catch { } *_bell = wp;")]
    [InlineData("for (var i = 0; i < 2; i++) { if (i == 1) break; Interlocked.MemoryBarrier(); } *_bell = wp;")]
    [InlineData("switch (wp) { case 1: Interlocked.MemoryBarrier(); break; default: Interlocked.MemoryBarrier(); break; } *_bell = wp;")]
    [InlineData("if (wp == 0) goto L; Interlocked.MemoryBarrier(); L: *_bell = wp;")]
    // A label between the barrier and the store counts as a way in even when every goto to it comes after the barrier.
    [InlineData("Interlocked.MemoryBarrier(); L: if (wp > 3) { wp--; goto L; } *_bell = wp;")]
    [InlineData("Interlocked.MemoryBarrier(); Action a = () => *_bell = wp; a();")]
    [InlineData("Interlocked.MemoryBarrier(); void Local() => *_bell = wp; Local();")]
    [InlineData("_ = wp > 0 ? Interlocked.Increment(ref _count) : 0; *_bell = wp;")]
    public void A_barrier_missing_on_some_path_does_not_precede_the_store(string body) =>
        Assert.False(FullBarriers.PrecedeOnEveryPath(Store(body)));

    private static IOperation Store(string body) =>
        PublicationSource.Body(body).DescendantsAndSelf().Single(o => PointerStores.TryRead(o, out _));
}

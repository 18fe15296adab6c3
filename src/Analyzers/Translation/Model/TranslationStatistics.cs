using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>How many bodies each translation path took, and what sent bodies to the graph: for tests and benchmarks.</summary>
internal sealed class TranslationStatistics
{
    private readonly ConcurrentDictionary<string, int> _notCovered = new(StringComparer.Ordinal);
    private int _structured;
    private int _graph;

    public int Structured => Volatile.Read(ref _structured);

    public int Graph => Volatile.Read(ref _graph);

    /// <summary>For each construct the structured builder left to the graph, how many bodies it sent there.</summary>
    public IReadOnlyDictionary<string, int> NotCovered => _notCovered;

    public void CountStructured() => Interlocked.Increment(ref _structured);

    public void CountGraph(string notCovered)
    {
        Interlocked.Increment(ref _graph);
        _notCovered.AddOrUpdate(notCovered, 1, (_, count) => count + 1);
    }
}

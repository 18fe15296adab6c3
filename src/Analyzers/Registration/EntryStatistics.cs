using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>What the per-tree entry did, for tests and benchmarks: trees entered, operations asked for, members analysed.</summary>
internal sealed class EntryStatistics
{
    private readonly ConcurrentQueue<string> _analysed = new();
    private int _trees;
    private int _operationsRequested;

    /// <summary>Trees the semantic-model action was called for.</summary>
    public int Trees => Volatile.Read(ref _trees);

    /// <summary>Code holders whose operation tree was asked of the semantic model.</summary>
    public int OperationsRequested => Volatile.Read(ref _operationsRequested);

    /// <summary>The owners (by name) of the code that went through the protocol analysis, in no set order.</summary>
    public IReadOnlyCollection<string> Analysed => _analysed;

    public void CountTree() => Interlocked.Increment(ref _trees);

    public void CountOperationRequest() => Interlocked.Increment(ref _operationsRequested);

    public void RecordAnalysed(string owner) => _analysed.Enqueue(owner);
}

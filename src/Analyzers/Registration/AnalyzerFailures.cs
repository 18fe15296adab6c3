using System;
using System.Threading;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// What happens when the analysis of a method fails unexpectedly. In a build it stays silent for that method (an
/// AD0001 would break the user's build for our bug); the test assembly sets <see cref="Rethrow"/> so no bug hides.
/// </summary>
internal static class AnalyzerFailures
{
    private static int s_count;

    /// <summary>Set by tests: let the exception escape so the test sees it as AD0001.</summary>
    public static bool Rethrow { get; set; }

    /// <summary>How many method analyses failed in this process (for tests and benchmarks).</summary>
    public static int Count => Volatile.Read(ref s_count);

    /// <summary>Records a failure; true when the caller should swallow it.</summary>
    public static bool Swallow(Exception exception)
    {
        if (exception is OperationCanceledException)
            return false;
        Interlocked.Increment(ref s_count);
        return !Rethrow;
    }
}

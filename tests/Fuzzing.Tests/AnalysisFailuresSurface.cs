using System.Runtime.CompilerServices;
using DoorbellGuard.Analyzers.Registration;

namespace DoorbellGuard.Fuzzing.Tests;

internal static class AnalysisFailuresSurface
{
    /// <summary>
    /// In a build the analyzer swallows an unexpected exception (an AD0001 would break the user's build); under the
    /// fuzzer every such exception must surface as AD0001, or a crash would hide as a silent method.
    /// </summary>
    [ModuleInitializer]
    internal static void Rethrow() => AnalyzerFailures.Rethrow = true;
}

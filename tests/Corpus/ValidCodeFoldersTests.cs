using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Corpus.Measuring;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>
/// The whole tests/ValidCode corpus, its subfolders included, compiled with unsafe code allowed: the analyzer must be
/// silent on everything but tests/ValidCode/Pending, whose files wait for features of #11 (printed, not asserted).
/// tests/Analyzers.Tests/ValidCodeTests reads only the top folder and compiles without /unsafe, so tests/ValidCode/Unsafe
/// is checked here until that test reads subfolders too.
/// </summary>
public sealed class ValidCodeFoldersTests
{
    private const string PendingFolder = "Pending";

    private readonly ITestOutputHelper _output;

    public ValidCodeFoldersTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_analyzer_is_silent_on_valid_code_but_pending_files()
    {
        var folder = Path.Combine(CorpusCases.FindRepositoryRoot(AppContext.BaseDirectory), "tests", "ValidCode");
        var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CaseCompiler.Parse(File.ReadAllText(f), Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .ToImmutableArray();
        Assert.Contains(trees, t => t.FilePath.StartsWith("Unsafe/", StringComparison.Ordinal));

        var compilation = await CaseCompiler.CompileAsync("ValidCode", trees, withRuntime: true);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the corpus must compile:\n" + string.Join("\n", errors));

        var result = await ProtocolAnalyzerRun.RunAsync(compilation, CancellationToken.None);
        Assert.Empty(result.Failures);
        var pending = result.Diagnostics.Where(d => IsPending(d.Location.SourceTree!)).ToList();
        foreach (var diagnostic in pending)
            _output.WriteLine("pending: " + diagnostic);
        var falsePositives = result.Diagnostics.Except(pending).ToList();
        Assert.True(falsePositives.Count == 0, "false positives:\n" + string.Join("\n", falsePositives));
    }

    private static bool IsPending(SyntaxTree tree) => tree.FilePath.StartsWith(PendingFolder + "/", StringComparison.Ordinal);
}

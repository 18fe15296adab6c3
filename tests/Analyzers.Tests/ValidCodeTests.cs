using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>Every analyzer stays silent on the corpus of valid code in tests/ValidCode.</summary>
public class ValidCodeTests
{
    [Fact]
    public async Task All_analyzers_are_silent_on_the_valid_code_corpus()
    {
        var folder = Path.Combine(DescriptorTests.RepoRoot(), "tests", "ValidCode");
        // Every file of the corpus, subfolders included, but those that wait for a feature (Pending/).
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Pending" + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
            .OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 4, "the corpus is missing: " + folder);

        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), path: f)).ToArray();
        var compilation = ModelDump.Compile("namespace ValidCode { }").AddSyntaxTrees(trees)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "the corpus must compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));

        var diagnostics = await compilation.WithAnalyzers(DoorbellVerifier.AllAnalyzers()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(diagnostics.IsEmpty, "false positives:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())));
    }
}

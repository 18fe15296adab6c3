using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DoorbellGuard.Analyzers.Tests.Publication;

/// <summary>The runtime's own <c>Doorbell.Ring</c>, compiled from its sources, rings with Volatile.Write: DBL006 must stay silent on it.</summary>
public class RuntimeRingStoreTests
{
    [Fact]
    public async Task The_runtime_ring_is_silent_and_the_same_ring_with_a_plain_store_is_reported()
    {
        var sources = RuntimeSources();
        var doorbell = sources.Single(s => Path.GetFileName(s.Path) == "Doorbell.cs");
        const string release = "Volatile.Write(ref *doorbell, value);";
        Assert.Contains(release, doorbell.Text);

        Assert.Empty(await RingStoreDiagnosticsAsync(sources));

        var plain = sources.Select(s => s == doorbell ? (s.Path, s.Text.Replace(release, "*doorbell = value;")) : s).ToArray();
        var reported = await RingStoreDiagnosticsAsync(plain);
        var only = Assert.Single(reported);
        Assert.Equal("*doorbell = value", only.Location.SourceTree!.GetText().ToString(only.Location.SourceSpan));
    }

    private static (string Path, string Text)[] RuntimeSources()
    {
        var runtime = Path.Combine(DescriptorTests.RepoRoot(), "src", "Runtime");
        return Directory.GetFiles(runtime, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Select(path => (path, File.ReadAllText(path)))
            .ToArray();
    }

    /// <summary>DBL006 (and any analyzer failure) over the runtime's sources compiled as the user's own code.</summary>
    private static async Task<Diagnostic[]> RingStoreDiagnosticsAsync((string Path, string Text)[] sources)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("DoorbellGuard.Runtime",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = await compilation.WithAnalyzers(DoorbellVerifier.AllAnalyzers()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id == DiagnosticIds.RingStoreNotPublished).ToArray();
    }
}

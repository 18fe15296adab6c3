using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Corpus.Measuring;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>
/// Compiles user code as the analyzer tests do: against the .NET 8 reference assemblies and the real
/// DoorbellGuard.Runtime assembly (not for analyzer-only code), unsafe code allowed, nullable enabled.
/// </summary>
internal static class CaseCompiler
{
    private static readonly MetadataReference s_runtime = MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location);

    private static ImmutableArray<MetadataReference> s_net80;

    public static async Task<ImmutableArray<MetadataReference>> ReferencesAsync(bool withRuntime)
    {
        if (s_net80.IsDefault)
            s_net80 = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return withRuntime ? s_net80.Add(s_runtime) : s_net80;
    }

    public static async Task<CSharpCompilation> CompileAsync(string assemblyName, ImmutableArray<SyntaxTree> trees, bool withRuntime) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            await ReferencesAsync(withRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: path);
}

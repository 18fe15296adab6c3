using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;

namespace DoorbellGuard.Analyzers.Tests.Publication;

/// <summary>One method body compiled in an unsafe class, as an operation tree, for the pure functions of DBL006.</summary>
internal static class PublicationSource
{
    private static readonly MetadataReference[] References = ReferenceAssemblies.Net.Net80
        .ResolveAsync(LanguageNames.CSharp, System.Threading.CancellationToken.None).GetAwaiter().GetResult().ToArray();

    /// <summary>The body of <c>M</c>, declared with <paramref name="parameters"/> beside fields <c>_ring</c>, <c>_bell</c> (ulong*), <c>_ptr</c> (IntPtr).</summary>
    public static IOperation Body(string body, string parameters = "ulong wp, ulong packet", string? extraType = null)
    {
        var source = $$"""
            using System;
            using System.Threading;
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;
            unsafe class C
            {
                ulong* _ring; ulong* _bell; IntPtr _ptr; ulong _field; long _count;
                struct Bell { public volatile uint Value; public uint Plain; }
                Bell* _bellStruct;
                void M({{parameters}})
                {
                    {{body}}
                }
            }
            {{extraType}}
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Publication", [tree], References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        return compilation.GetSemanticModel(tree).GetOperation(method)!;
    }
}

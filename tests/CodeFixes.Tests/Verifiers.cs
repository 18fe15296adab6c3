using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// Code fix tests over every DoorbellGuard analyzer (all five rules run, as in a build), .NET 8 reference
/// assemblies and the real DoorbellGuard.Runtime assembly. The library also checks Fix All in document,
/// project and solution against the same fixed code, and that the fixed code compiles with no diagnostic.
/// </summary>
public static class CodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic, compared by ID, place and message arguments (the doorbell): the path explanation appended to the message, and its additional locations, are checked by the tests about them.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>The diagnostics of several rules at one markup location (<c>{|#n:...|}</c>), all naming <paramref name="doorbell"/>.</summary>
    public static DiagnosticResult[] At(int location, string doorbell, params DiagnosticDescriptor[] descriptors)
    {
        var results = new DiagnosticResult[descriptors.Length];
        for (var i = 0; i < descriptors.Length; i++)
        {
            results[i] = Diagnostic(descriptors[i]).WithLocation(location).WithArguments(doorbell);
        }

        return results;
    }

    public static async Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>As <see cref="VerifyCodeFixAsync(string, DiagnosticResult[], string, OutputKind)"/>, with wrappers named in an .editorconfig.</summary>
    public static async Task VerifyCodeFixAsync(string source, string editorConfig, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The DoorbellGuard.Analyzers package alone: no runtime referenced, the user's own attributes and status enum.</summary>
    public static async Task VerifyAnalyzerOnlyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, string? editorConfig = null)
    {
        var test = new Test(withRuntime: false) { TestCode = source, FixedCode = fixedSource };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The fix offers nothing here: the code, and its diagnostics, stay as they are.</summary>
    public static async Task VerifyNoFixAsync(string source, DiagnosticResult[] expected, bool withRuntime = true)
    {
        var test = new Test(withRuntime) { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
            : this(withRuntime: true)
        {
        }

        public Test(bool withRuntime)
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            if (withRuntime)
            {
                TestState.AdditionalReferences.Add(typeof(Doorbell).Assembly);
                FixedState.AdditionalReferences.Add(typeof(Doorbell).Assembly);
            }
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => FixRunner.Analyzers;
    }
}

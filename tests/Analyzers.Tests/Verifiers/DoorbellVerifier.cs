using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DoorbellGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// Verifies user code against the DoorbellGuard analyzer (every rule at once), so every test also proves the other rules
/// stay silent. User code compiles against .NET 8 and the real DoorbellGuard.Runtime assembly.
/// </summary>
public static class DoorbellVerifier
{
    /// <summary>An expected diagnostic, compared by ID, place and message arguments (the doorbell): the path explanation appended to the message, and its additional locations, are checked by the tests about them.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, editorConfig: null, expected);

    public static async Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Top-level statements need an executable.</summary>
    public static async Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer());

    public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(DoorbellGuard.Doorbell).Assembly.Location);

    public sealed class Test : CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(RuntimeReference);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers();
    }
}

internal static class TestSetup
{
    /// <summary>In tests an unexpected exception in the analysis must surface (as AD0001), never be swallowed.</summary>
    [ModuleInitializer]
    internal static void RethrowAnalyzerFailures() => AnalyzerFailures.Rethrow = true;
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// Half-typed and unusual code: a diagnostic is placed on every <c>Ring</c> invocation (as an analyzer from an
/// older build or another tool might report it), and every fix either declines or produces a document,
/// never throws. Where a fix does apply to code that compiled, its output still compiles.
/// </summary>
public class OddCodeTests
{
    public static IEnumerable<object[]> Sources() => new[]
    {
        "class C { void M(DoorbellGuard.Doorbell d) { d.Ring(1) } }",
        "class C { void M(DoorbellGuard.Doorbell d) { d.Ring( } }",
        "class C { void M(DoorbellGuard.Doorbell d) { d.Ring(); } }",
        "class C { void M(Unknown d) { d.Ring(1); } }",
        "class C { void M(DoorbellGuard.Doorbell d) { d.Ring(1);",
        "class C { System.Action A(DoorbellGuard.Doorbell d) => () => d.Ring(1); }",
        "class C { object M(DoorbellGuard.Doorbell d, bool b) => b ? (System.Action)(() => d.Ring(1)) : null; }",
        "class C { void M(DoorbellGuard.Doorbell[] all) { foreach (var d in all) d.Ring(1); } }",
        "class C { void M(DoorbellGuard.Doorbell d) { for (d.Ring(1); ; d.Ring(2)) { break; } } }",
        "class C { void M(System.Func<DoorbellGuard.Doorbell> get) { get().Ring(1); } }",
        "class C { void M(DoorbellGuard.Doorbell d) { L: d.Ring(1); goto L; } }",
        "class C { void M(DoorbellGuard.Doorbell d) { lock (this) d.Ring(1); } }",
        "class C { void M(DoorbellGuard.Doorbell d, int x) { var y = x switch { 1 => Do(() => d.Ring(1)), _ => 0 }; } int Do(System.Action a) => 0; }",
        "using DoorbellGuard; var q = new HardwareQueue(); q.CreateDoorbell().Ring(1);",
        "using DoorbellGuard; class C { Doorbell D => null!; void M() { D.Ring(checked(1 + 2)); this.D.ReadStatus(); } }",
        "class C { void M(DoorbellGuard.Doorbell d) { if (true) d.Ring(1); else d.Ring(2); } }",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Fixes_never_throw_and_keep_compiling_code_compiling(string source)
    {
        var kind = source.StartsWith("using DoorbellGuard; var", System.StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var document = await FixRunner.CreateDocumentAsync(source, kind);
        var compiledBefore = (await FixRunner.CompilerErrorsAsync(document)).IsEmpty;
        var tree = (await document.GetSyntaxTreeAsync())!;
        var rings = (await tree.GetRootAsync()).DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Ring" })
            .ToList();
        Assert.NotEmpty(rings);

        var providers = new DoorbellCodeFixProvider[] { new CheckStatusAndRetryCodeFixProvider(), new UseRingAndConfirmCodeFixProvider(), new ConnectBeforeFirstRingCodeFixProvider() };
        foreach (var provider in providers)
        {
            var descriptor = provider is ConnectBeforeFirstRingCodeFixProvider ? Descriptors.RingBeforeConnect : Descriptors.RingWithoutStatusRead;
            var diagnostics = rings.Select(r => Diagnostic.Create(descriptor, Location.Create(tree, r.Span), "d")).ToList();
            foreach (var diagnostic in diagnostics)
            {
                CodeAction? action = null;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => action ??= a, CancellationToken.None));
                if (action is null)
                {
                    continue;
                }

                var fixedDocument = await FixRunner.ApplyAsync(document, action);
                if (compiledBefore)
                {
                    var errors = await FixRunner.CompilerErrorsAsync(fixedDocument);
                    Assert.True(errors.IsEmpty, provider.Title + ":\n" + string.Join("\n", errors) + "\n" + await fixedDocument.GetTextAsync());
                }
            }

            CodeAction? first = null;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (a, _) => first ??= a, CancellationToken.None));
            var fixAll = await provider.GetFixAllProvider().GetFixAsync(new FixAllContext(
                document, provider, FixAllScope.Document, provider.EquivalenceKey, provider.FixableDiagnosticIds, new Diagnostics(diagnostics), CancellationToken.None));
            if (fixAll is not null)
            {
                var fixedDocument = await FixRunner.ApplyAsync(document, fixAll);
                if (compiledBefore)
                {
                    Assert.Empty(await FixRunner.CompilerErrorsAsync(fixedDocument));
                }
            }
        }
    }

    private sealed class Diagnostics(IReadOnlyList<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(all.AsEnumerable());

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(all.AsEnumerable());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// Runs the real analyzers and a real code fix on source text in an ad-hoc workspace, the way an IDE
/// or dotnet format does: diagnostics from the analyzers, Fix All in the document, the code action's
/// cleanup (simplify, add usings, format), and the text that comes out.
/// </summary>
internal static class FixRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = LoadAnalyzers();

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> s_references = new(async () =>
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return references.Add(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location));
    });

    /// <summary>.NET 8 reference assemblies plus the real DoorbellGuard.Runtime, resolved once per test run.</summary>
    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => s_references.Value;

    /// <summary>
    /// A one-document project: .NET 8, the DoorbellGuard runtime unless <paramref name="withRuntime"/> is false (the
    /// analyzer-only package), and an .editorconfig at the root when <paramref name="editorConfig"/> is given.
    /// </summary>
    public static async Task<Document> CreateDocumentAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? editorConfig = null, bool withRuntime = true)
    {
        var references = await ReferencesAsync();
        if (!withRuntime)
        {
            references = references.RemoveAll(r => r.Display?.EndsWith("DoorbellGuard.Runtime.dll", StringComparison.Ordinal) == true);
        }

        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Sample",
            "Sample",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: references));
        if (editorConfig is not null)
        {
            var config = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From(editorConfig), filePath: "/sample/.editorconfig");
            project = config.Project;
        }

        var document = project.AddDocument("Sample.cs", SourceText.From(source), filePath: "/sample/Sample.cs");
        workspace.TryApplyChanges(document.Project.Solution);
        return workspace.CurrentSolution.GetDocument(document.Id)!;
    }

    public static async Task<ImmutableArray<Diagnostic>> DoorbellDiagnosticsAsync(Document document)
    {
        var compilation = await document.Project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        var diagnostics = await compilation.WithAnalyzers(Analyzers, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
    }

    public static async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(Document document)
    {
        var compilation = await document.Project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    /// <summary>Applies Fix All of <paramref name="provider"/> to every DBL diagnostic it can fix in the document.</summary>
    public static async Task<Document> FixAllInDocumentAsync(Document document, DoorbellCodeFixProvider provider)
    {
        var diagnostics = (await DoorbellDiagnosticsAsync(document)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToList();
        if (diagnostics.Count == 0)
        {
            return document;
        }

        return await FixAllAsync(document, provider, diagnostics, diagnostics[0])
            ?? throw new InvalidOperationException($"{provider.Title} offered no action for {diagnostics[0]}");
    }

    /// <summary>
    /// What a user gets from the command line (dotnet format applies each fixer's Fix All): the retry fix, then the
    /// connect fix, again while diagnostics change, at most three rounds. A diagnostic with no fix offered stays.
    /// </summary>
    public static async Task<Document> FixEverythingAsync(Document document)
    {
        var providers = new DoorbellCodeFixProvider[] { new CheckStatusAndRetryCodeFixProvider(), new ConnectBeforeFirstRingCodeFixProvider() };
        for (var round = 0; round < 3; round++)
        {
            var changed = false;
            foreach (var provider in providers)
            {
                var diagnostics = (await DoorbellDiagnosticsAsync(document)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToList();
                foreach (var diagnostic in diagnostics)
                {
                    if (await FixAllAsync(document, provider, diagnostics, diagnostic) is { } fixedDocument)
                    {
                        changed |= !(await fixedDocument.GetTextAsync()).ContentEquals(await document.GetTextAsync());
                        document = fixedDocument;
                        break;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return document;
    }

    /// <summary>The code action <paramref name="provider"/> offers for <paramref name="diagnostic"/>, or null.</summary>
    public static async Task<CodeAction?> OfferedActionAsync(Document document, CodeFixProvider provider, Diagnostic diagnostic)
    {
        CodeAction? action = null;
        var context = new CodeFixContext(document, diagnostic, (a, _) => action ??= a, CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return action;
    }

    private static async Task<Document?> FixAllAsync(Document document, DoorbellCodeFixProvider provider, IReadOnlyList<Diagnostic> diagnostics, Diagnostic first)
    {
        var action = await OfferedActionAsync(document, provider, first);
        if (action is null)
        {
            return null;
        }

        var fixAllContext = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            action.EquivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(fixAllContext)
            ?? throw new InvalidOperationException("Fix All produced no action");
        return await ApplyAsync(document, fixAll);
    }

    public static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().Single();
        return apply.ChangedSolution.GetDocument(document.Id) ?? throw new InvalidOperationException("document lost");
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers() =>
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyList<Diagnostic> _diagnostics;

        public FixedDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>Something that threw: who, what, and on which input.</summary>
public sealed record FuzzFailure(string Component, string Stage, string ExceptionType, string Message, string StackTop)
{
    /// <summary>Failures with the same key are the same bug.</summary>
    public string Key => $"{Component}/{Stage}/{ExceptionType}/{StackTop}";

    public override string ToString() => $"{Component} ({Stage}) threw {ExceptionType}: {Message}\n    {StackTop}";
}

/// <summary>
/// Runs every DoorbellGuard analyzer and every code fix on one piece of C# and reports what threw. Analyzers and
/// fixers are found by reflection over their assemblies, so new ones are fuzzed without a change here.
/// </summary>
public sealed class FuzzTarget
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> SharedReferences = new(LoadReferences);

    /// <summary>The references every fuzzed compilation gets: the running framework and the real runtime library.</summary>
    internal static ImmutableArray<MetadataReference> References => SharedReferences.Value;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixers;
    private readonly AdhocWorkspace _workspace = new();

    public FuzzTarget(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        _analyzers = analyzers;
        _fixers = fixers;
    }

    /// <summary>Every analyzer of DoorbellGuard.Analyzers and every fixer of DoorbellGuard.CodeFixes.</summary>
    public static FuzzTarget ForDoorbellGuard() => new(DiscoverAnalyzers(), DiscoverFixers());

    public ImmutableArray<DiagnosticAnalyzer> Analyzers => _analyzers;

    public ImmutableArray<CodeFixProvider> Fixers => _fixers;

    /// <summary>How many diagnostics the analyzers reported and how many code actions were applied, in all.</summary>
    public long DiagnosticsSeen { get; private set; }

    public long CodeActionsApplied { get; private set; }

    public static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers() =>
        Instances<DiagnosticAnalyzer>(typeof(DoorbellGuard.Analyzers.Descriptors).Assembly, t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any());

    public static ImmutableArray<CodeFixProvider> DiscoverFixers() =>
        Instances<CodeFixProvider>(LoadCodeFixesAssembly(), t => t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any());

    /// <summary>Runs analyzers, then every code action of every fixer and each fixer's Fix All, on <paramref name="source"/>.</summary>
    public Task<IReadOnlyList<FuzzFailure>> RunAsync(string source, CancellationToken cancellationToken) =>
        RunAsync(source, ImmutableDictionary<string, string>.Empty, cancellationToken);

    /// <summary>As <see cref="RunAsync(string, CancellationToken)"/>, with .editorconfig options for the analyzers.</summary>
    public async Task<IReadOnlyList<FuzzFailure>> RunAsync(string source, ImmutableDictionary<string, string> options, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<FuzzFailure>();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, cancellationToken: cancellationToken);
        var outputKind = tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var solution = _workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fuzzed", "Fuzzed", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: ParseOptions,
                metadataReferences: SharedReferences.Value))
            .AddDocument(documentId, "Fuzzed.cs", SourceText.From(source));
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;

        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        if (!_analyzers.IsEmpty)
        {
            var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
                FuzzOptions.ToAnalyzerOptions(options),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(Failure(analyzer.GetType().Name, "analyzer", exception)),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var ad0001 in diagnostics.Where(d => d.Id == "AD0001"))
            {
                // Reported when the callback is not reached; its message carries the analyzer and the exception.
                failures.Enqueue(new FuzzFailure("analyzer", "AD0001", "AD0001", ad0001.GetMessage(), ""));
            }
            diagnostics = diagnostics.Where(d => d.Id != "AD0001" && d.Location.IsInSource).ToImmutableArray();
            DiagnosticsSeen += diagnostics.Length;
        }

        foreach (var fixer in _fixers)
        {
            var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            if (fixable.IsEmpty)
            {
                continue;
            }
            string name = fixer.GetType().Name;
            var actions = new List<CodeAction>();
            foreach (var diagnostic in fixable)
            {
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                    await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Enqueue(Failure(name, "RegisterCodeFixesAsync", e));
                }
            }
            foreach (var action in actions)
            {
                await ApplyAsync(name, "code action '" + action.Title + "'", action, documentId, failures, cancellationToken).ConfigureAwait(false);
            }
            await FixAllAsync(fixer, name, document, fixable, actions, failures, cancellationToken).ConfigureAwait(false);
        }
        return failures.ToList();
    }

    private async Task FixAllAsync(CodeFixProvider fixer, string name, Document document, ImmutableArray<Diagnostic> fixable,
        List<CodeAction> actions, ConcurrentQueue<FuzzFailure> failures, CancellationToken cancellationToken)
    {
        FixAllProvider? fixAll;
        try
        {
            fixAll = fixer.GetFixAllProvider();
        }
        catch (Exception e)
        {
            failures.Enqueue(Failure(name, "GetFixAllProvider", e));
            return;
        }
        if (fixAll is null)
        {
            return;
        }
        foreach (var key in actions.Select(a => a.EquivalenceKey).Distinct())
        {
            try
            {
                var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixable.Select(d => d.Id).Distinct(),
                    new FixedDiagnostics(fixable), cancellationToken);
                var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                if (action is not null)
                {
                    await ApplyAsync(name, "Fix All '" + key + "'", action, document.Id, failures, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Enqueue(Failure(name, "Fix All '" + key + "'", e));
            }
        }
    }

    private async Task ApplyAsync(string fixer, string stage, CodeAction action, DocumentId documentId, ConcurrentQueue<FuzzFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    // Materialize the result: a fix that builds a broken tree throws here, not earlier.
                    var changed = apply.ChangedSolution.GetDocument(documentId);
                    if (changed is not null)
                    {
                        var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        _ = root!.ToFullString();
                    }
                    CodeActionsApplied++;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failures.Enqueue(Failure(fixer, stage, e));
        }
    }

    private static FuzzFailure Failure(string component, string stage, Exception exception)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : exception;
        var stackTop = (inner.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return new FuzzFailure(component, stage, inner.GetType().FullName ?? inner.GetType().Name, inner.Message, stackTop);
    }

    private static ImmutableArray<T> Instances<T>(Assembly assembly, Func<Type, bool> exported) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && exported(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static Assembly LoadCodeFixesAssembly()
    {
        // The test project references DoorbellGuard.CodeFixes; load it by name so no type name is hard-coded.
        return Assembly.Load(new AssemblyName("DoorbellGuard.CodeFixes"));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running shared framework (every managed assembly beside System.Private.CoreLib) and the real runtime library.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(frameworkDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n == "mscorlib.dll" || n == "netstandard.dll"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .Append(MetadataReference.CreateFromFile(typeof(DoorbellGuard.Doorbell).Assembly.Location))
            .ToImmutableArray();
    }

    /// <summary>Hands Fix All the diagnostics this run computed.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

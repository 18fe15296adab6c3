using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Analyzers;
using DoorbellGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Benchmarks.CodeFixes;

/// <summary>
/// What a lightbulb costs: listing the code actions for one flagged ring in a 300-line file, as the IDE does when
/// the caret reaches it (the document's semantic model already built, as the IDE has it). Listing checks only that a
/// fix applies; the rewrite runs when an action is applied, measured beside it for comparison.
/// </summary>
[MemoryDiagnoser]
public class ListCodeActionsBenchmarks
{
    private readonly CheckStatusAndRetryCodeFixProvider _retry = new();
    private readonly UseRingAndConfirmCodeFixProvider _ringAndConfirm = new();
    private Document _document = null!;
    private Diagnostic _diagnostic = null!;
    private SemanticModel _model = null!;
    private CodeAction _retryAction = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Both ring fixes register their actions for the flagged ring (what the lightbulb lists).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ListActions()
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(_document, _diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await _retry.RegisterCodeFixesAsync(context);
        await _ringAndConfirm.RegisterCodeFixesAsync(context);
        return actions.Count;
    }

    /// <summary>Applying "Check doorbell status and retry on disconnect": the rewrite, the cleanup and the formatting.</summary>
    [Benchmark]
    public async Task<int> ApplyRetryAction()
    {
        var operations = await _retryAction.GetOperationsAsync(CancellationToken.None);
        return operations.Length;
    }

    /// <summary>Submission code of 300 lines: the documented loop in most methods, one bare ring in the middle.</summary>
    internal static string ThreeHundredLineFile()
    {
        var text = new StringBuilder("using DoorbellGuard;\n\nnamespace Bench;\n\npublic sealed class Submitter\n{\n    private readonly Doorbell _d;\n    private ulong _tail;\n\n    public Submitter(Doorbell d) => _d = d;\n\n");
        for (var i = 0; text.ToString().Count(c => c == '\n') < 280; i++)
        {
            if (i == 6)
            {
                text.Append($"    public void Submit{i}(ulong size)\n    {{\n        _tail += size;\n        _d.Ring(_tail);\n    }}\n\n");
                continue;
            }

            text.Append($$"""
                    public bool Submit{{i}}(ulong size)
                    {
                        _tail += size;
                        DoorbellStatus status;
                        do
                        {
                            _d.Ring(_tail);
                            status = _d.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedRetry)
                                _d.Connect();
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
                        if (status == DoorbellStatus.ConnectedNotify)
                            _d.NotifyWorkSubmission();
                        return status != DoorbellStatus.DisconnectedAbort;
                    }


                """);
        }

        return text.Append("}\n").ToString();
    }

    private async Task SetupAsync()
    {
        var source = ThreeHundredLineFile();
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Bench",
            "Bench",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location))));
        _document = project.AddDocument("Submitter.cs", SourceText.From(source));
        _model = await _document.GetSemanticModelAsync() ?? throw new InvalidOperationException("no semantic model");

        var errors = _model.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark's file does not compile: " + string.Join("; ", errors));
        }

        var diagnostics = await _model.Compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        _diagnostic = diagnostics.SingleOrDefault(d => d.Id == DiagnosticIds.RingWithoutStatusRead)
            ?? throw new InvalidOperationException("Expected one DBL001 in the benchmark's file, got: " + string.Join("; ", diagnostics));

        CodeAction? action = null;
        await _retry.RegisterCodeFixesAsync(new CodeFixContext(_document, _diagnostic, (a, _) => action ??= a, CancellationToken.None));
        _retryAction = action ?? throw new InvalidOperationException("The retry fix offered nothing for " + _diagnostic);
    }
}

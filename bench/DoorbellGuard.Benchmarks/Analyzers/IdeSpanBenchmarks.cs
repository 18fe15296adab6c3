using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DoorbellGuard.Analyzers;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// The IDE's question while a member is edited: the analyzer diagnostics of that member's span
/// (<c>GetAnalyzerSemanticDiagnosticsAsync(model, span)</c>), in a 2,000-line file with 40 doorbell methods among ordinary
/// ones, for a doorbell member and for a member that names no ring. Each invocation is a new driver over the same
/// compilation (as after an edit: compilation start runs again, DoorbellGuard's ring-name index is built again) and a new
/// semantic model (the member is bound again). Without DoorbellGuard, the same request with an analyzer that registers
/// what it registers and does nothing; the difference is DoorbellGuard's. Also, for scale, the operation-block shape
/// DoorbellGuard had before issue #18, doing nothing.
/// </summary>
[MemoryDiagnoser]
public class IdeSpanBenchmarks
{
    public const int DoorbellMethods = 40;
    public const int FileLines = 2_000;
    private const string DoorbellMember = "Submit20";
    private const string PlainMember = "Describe30";

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _tree = null!;
    private TextSpan _span;
    private CompilationWithAnalyzersOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _empty;
    private ImmutableArray<DiagnosticAnalyzer> _emptyPerMethod;
    private ImmutableArray<DiagnosticAnalyzer> _doorbellGuard;

    [Params("doorbell member", "member naming no ring")]
    public string Member { get; set; } = "doorbell member";

    [GlobalSetup]
    public void Setup()
    {
        _tree = CSharpSyntaxTree.ParseText(Source(), new CSharpParseOptions(LanguageVersion.CSharp12), path: "Submitters.cs");
        _compilation = CSharpCompilation.Create(
            "IdeSpan",
            new[] { _tree },
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark's file does not compile: " + string.Join("; ", errors.Take(5)));
        }

        var name = Member == "doorbell member" ? DoorbellMember : PlainMember;
        _span = _tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name).Span;
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySemanticModelAnalyzer());
        _emptyPerMethod = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationBlockAnalyzer());
        _doorbellGuard = ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer());

        // The request must analyse the member asked for, and only it: the doorbell member ends with an unread ring.
        var entry = new EntryStatistics();
        var counted = ImmutableArray.Create<DiagnosticAnalyzer>(new DoorbellProtocolAnalyzer(new AnalysisSettings(DoorbellGuard.Analyzers.Flow.ProtocolBudget.Default, forceControlFlowGraph: false, entry: entry)));
        var failuresBefore = AnalyzerFailures.Count;
        var found = AnalyzeAsync(counted).GetAwaiter().GetResult().Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal)).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        // The trailing ring is never read (DBL001), and the status returned was read before it, so abort is not told apart (DBL004).
        var expected = name == DoorbellMember ? new[] { "DBL001", "DBL004" } : Array.Empty<string>();
        var analysed = string.Join(", ", entry.Analysed);
        Console.WriteLine($"// {Member}: {_tree.GetText().Lines.Count:N0} lines, span of {name}; DoorbellGuard reports [{string.Join(", ", found)}], analysed [{analysed}], {entry.OperationsRequested} operation tree(s) asked for");
        if (!found.SequenceEqual(expected) || analysed != (name == DoorbellMember ? name : "") || AnalyzerFailures.Count != failuresBefore)
        {
            throw new InvalidOperationException($"The span request for {name} did not give what it should: expected [{string.Join(", ", expected)}], analysing {name} alone.");
        }
    }

    [Benchmark(Baseline = true, Description = "span request, an analyzer doing nothing per tree (without DoorbellGuard)")]
    public Task<ImmutableArray<Diagnostic>> WithoutDoorbellGuard() => AnalyzeAsync(_empty);

    [Benchmark(Description = "span request, DoorbellGuard")]
    public Task<ImmutableArray<Diagnostic>> WithDoorbellGuard() => AnalyzeAsync(_doorbellGuard);

    [Benchmark(Description = "span request, an analyzer doing nothing per method (operation blocks, DoorbellGuard's shape before #18)")]
    public Task<ImmutableArray<Diagnostic>> WithEmptyOperationBlockAnalyzer() => AnalyzeAsync(_emptyPerMethod);

    private Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = _compilation.WithAnalyzers(analyzers, _options);
        return withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_tree), _span, CancellationToken.None);
    }

    /// <summary>One class: 40 submission methods (the documented loop; the twentieth ends with an unread ring) between ordinary methods, to 2,000 lines.</summary>
    internal static string Source()
    {
        var text = new StringBuilder();
        text.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\nusing DoorbellGuard;\n");
        text.AppendLine("public sealed class Submitters\n{\n    private readonly Doorbell _doorbell;\n    private ulong _writePointer;\n    private readonly List<string> _names = new();\n");
        text.AppendLine("    public Submitters(Doorbell doorbell) => _doorbell = doorbell;\n");
        var ordinary = 0;
        for (int i = 0; i < DoorbellMethods; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    public bool Submit{{i}}(ulong packetSize)
                    {
                        DoorbellStatus status;
                        do
                        {
                            _writePointer += packetSize;
                            _doorbell.Ring(_writePointer);
                            status = _doorbell.ReadStatus();
                            if (status == DoorbellStatus.ConnectedNotify)
                            {
                                _doorbell.NotifyWorkSubmission();
                            }
                            else if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                _doorbell.Connect();
                            }
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
                        {{(i == 20 ? "_doorbell.Ring(_writePointer);" : "_writePointer += 0;")}}
                        return status != DoorbellStatus.DisconnectedAbort;
                    }

                """);
            text.AppendLine();
            AppendOrdinary(text, ordinary++);
        }

        while (text.ToString().Count(c => c == '\n') < FileLines - 30)
        {
            AppendOrdinary(text, ordinary++);
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static void AppendOrdinary(StringBuilder text, int n) => text.Append(CultureInfo.InvariantCulture, $$"""
            public string Describe{{n}}(IEnumerable<int> values, string prefix)
            {
                var builder = new StringBuilder(prefix);
                foreach (var value in values.Where(v => v % {{n + 2}} != 0).OrderBy(v => v))
                {
                    if (builder.Length > 80)
                    {
                        break;
                    }
                    builder.Append(value switch
                    {
                        < 0 => "negative",
                        0 => "zero",
                        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    });
                    builder.Append(',');
                }
                _names.Add(builder.ToString());
                return _names.Count > {{n}} ? _names[{{n}}] : builder.ToString();
            }


        """);
}

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// The analysis of one typical submission method (the documented connect / ring / read / notify-or-reconnect loop),
/// end to end through the analyzer driver: binding the method alone (baseline), then binding it with every
/// DoorbellGuard analyzer attached. The difference is what the analyzers add per such method, driver included.
/// Each invocation works on a fresh clone of the compilation, which shares the imported references but no binding.
/// </summary>
[MemoryDiagnoser]
public class PerMethodAnalysisBenchmarks
{
    internal const string TypicalSubmission = """
        using DoorbellGuard;

        public sealed class Submitter
        {
            private readonly Doorbell _doorbell;
            private ulong _writePointer;

            public Submitter(Doorbell doorbell) => _doorbell = doorbell;

            public bool Submit(ulong packetSize)
            {
                _doorbell.Connect();
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
                return status != DoorbellStatus.DisconnectedAbort;
            }
        }
        """;

    private Compilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CompilationWithAnalyzersOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzers = DiscoverAnalyzers();
        if (_analyzers.IsEmpty)
        {
            throw new InvalidOperationException("No DiagnosticAnalyzer in DoorbellGuard.Analyzers: nothing to measure.");
        }
        _compilation = CSharpCompilation.Create(
            "PerMethod",
            new[] { CSharpSyntaxTree.ParseText(TypicalSubmission, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(Doorbell).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark's submission method does not compile: " + string.Join("; ", errors));
        }
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
    }

    [Benchmark(Baseline = true, Description = "bind the method (compiler diagnostics only)")]
    public int CompilerOnly() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "bind the method + every DoorbellGuard analyzer")]
    public async Task<int> CompilerAndAnalyzers()
    {
        var withAnalyzers = _compilation.Clone().WithAnalyzers(_analyzers, _options);
        return (await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false)).Length;
    }

    internal static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers() =>
        typeof(DoorbellGuard.Analyzers.Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}

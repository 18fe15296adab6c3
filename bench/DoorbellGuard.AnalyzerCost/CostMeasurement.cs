using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>One timed run: the compiler alone, then the compiler with the analyzers, on fresh compilations.</summary>
internal sealed record RunResult(
    TimeSpan CompileTime,
    TimeSpan AnalyzerExecutionTime,
    TimeSpan CompileWithAnalyzersWallTime,
    int CompilerErrors,
    IReadOnlyDictionary<string, int> AnalyzerDiagnostics,
    IReadOnlyList<string> AnalyzerFailures,
    IReadOnlyDictionary<string, TimeSpan> PerAnalyzer,
    IReadOnlyDictionary<(string Shape, string Id), int> DiagnosticsPerShape,
    GcActivity CompileGc,
    GcActivity DriverGc);

/// <summary>What the garbage collector did during one timed stretch: pause time, collections and bytes allocated.</summary>
internal readonly record struct GcActivity(TimeSpan Pause, int Gen0, int Gen1, int Gen2, long AllocatedBytes)
{
    public static GcActivity Now() => new(
        GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));

    public GcActivity Since(GcActivity start) => new(
        Pause - start.Pause, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, AllocatedBytes - start.AllocatedBytes);

    public override string ToString() =>
        $"GC {Pause.TotalMilliseconds:F0} ms ({Gen0}/{Gen1}/{Gen2} gen0/1/2), {AllocatedBytes / (1024.0 * 1024.0):F0} MB allocated";
}

/// <summary>Times the compiler and the DoorbellGuard analyzers on a generated project.</summary>
internal sealed class CostMeasurement
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly bool _concurrent;

    public CostMeasurement(ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent)
    {
        _analyzers = analyzers;
        _concurrent = concurrent;
    }

    /// <summary>
    /// Every DiagnosticAnalyzer of the DoorbellGuard.Analyzers assembly, found by reflection so that new
    /// analyzers are measured without touching the harness.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers()
    {
        var assembly = typeof(DoorbellGuard.Analyzers.Descriptors).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    public static ImmutableArray<SyntaxTree> Parse(GeneratedProject project)
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp12);
        return project.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, options, path: f.Path))
            .ToImmutableArray();
    }

    public static ImmutableArray<MetadataReference> References(ProjectFlavor flavor)
    {
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToList();
        if (flavor.ReferencesDoorbellGuard())
        {
            references.Add(MetadataReference.CreateFromFile(typeof(DoorbellGuard.Doorbell).Assembly.Location));
        }
        return references.ToImmutableArray();
    }

    /// <summary>How many graphs and blocks the last baseline run built.</summary>
    public (int Graphs, int Blocks) LastReferenceWork { get; private set; }

    /// <summary>The naive baseline's execution time: only <see cref="ReferenceCfgAnalyzer"/>, on a fresh compilation of its own (so it shares no cached CFG with DoorbellGuard's).</summary>
    public async Task<TimeSpan> RunReferenceAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        Collect();
        var reference = new ReferenceCfgAnalyzer();
        var withAnalyzer = Create(trees, references).WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(reference),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: _concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
        await withAnalyzer.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var time = (await withAnalyzer.GetAnalyzerTelemetryInfoAsync(reference, cancellationToken).ConfigureAwait(false)).ExecutionTime;
        LastReferenceWork = reference.Built;
        return time;
    }

    public async Task<RunResult> RunAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        Collect();
        // The compiler alone: every compiler diagnostic (declaration and method-body binding), no analyzers.
        var compilation = Create(trees, references);
        var gcBefore = GcActivity.Now();
        var stopwatch = Stopwatch.StartNew();
        var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);
        var compileTime = stopwatch.Elapsed;
        var compileGc = GcActivity.Now().Since(gcBefore);
        int errors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

        Collect();
        // A fresh compilation with the analyzers: the driver binds it again and runs the analyzers on the way;
        // the analyzers' own time comes from the driver's per-analyzer telemetry.
        var failures = new ConcurrentQueue<string>();
        if (_analyzers.IsEmpty)
        {
            gcBefore = GcActivity.Now();
            stopwatch.Restart();
            _ = Create(trees, references).GetDiagnostics(cancellationToken);
            return new RunResult(compileTime, TimeSpan.Zero, stopwatch.Elapsed, errors, new Dictionary<string, int>(), Array.Empty<string>(), new Dictionary<string, TimeSpan>(), new Dictionary<(string, string), int>(), compileGc, GcActivity.Now().Since(gcBefore));
        }

        var withAnalyzers = Create(trees, references).WithAnalyzers(
            _analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => failures.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: _concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
        gcBefore = GcActivity.Now();
        stopwatch.Restart();
        // GetAnalyzerDiagnosticsAsync, not GetAllDiagnosticsAsync: only the state-tracked path records the
        // per-analyzer telemetry (Roslyn 4.14). The driver still binds every method body to raise its events.
        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var wallTime = stopwatch.Elapsed;
        var driverGc = GcActivity.Now().Since(gcBefore);

        var executionTime = TimeSpan.Zero;
        var perAnalyzer = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var analyzer in _analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
            executionTime += telemetry.ExecutionTime;
            perAnalyzer[analyzer.GetType().Name] = telemetry.ExecutionTime;
        }

        var analyzerDiagnostics = all
            .Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal) || d.Id == "AD0001")
            .GroupBy(d => d.Id)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var ad0001 in all.Where(d => d.Id == "AD0001").Take(5))
        {
            failures.Enqueue(ad0001.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        var perShape = new Dictionary<(string, string), int>();
        foreach (var diagnostic in all.Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal) && d.Location.IsInSource))
        {
            var node = diagnostic.Location.SourceTree!.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan);
            var member = node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>();
            var shape = member switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => ProjectGenerator.ShapeOfMethod(method.Identifier.ValueText),
                null => "(outside members)",
                _ => member.Kind().ToString(),
            };
            perShape[(shape, diagnostic.Id)] = perShape.TryGetValue((shape, diagnostic.Id), out var n) ? n + 1 : 1;
        }

        return new RunResult(compileTime, executionTime, wallTime, errors, analyzerDiagnostics, failures.Distinct().ToList(), perAnalyzer, perShape, compileGc, driverGc);
    }

    /// <summary>The first few compiler errors, to tell what is wrong when the generator produced invalid code.</summary>
    public IReadOnlyList<string> FirstErrors(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, int count) =>
        Create(trees, references).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Take(count)
            .Select(d => d.ToString())
            .ToList();

    private CSharpCompilation Create(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Generated",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: _concurrent));

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>
/// Every DoorbellGuard analyzer and code fix, on mutated analyzer and code-fix test sources: nothing may throw.
/// The regular suite runs a seeded sample; a dedicated run sets DOORBELLGUARD_FUZZ (see docs/performance.md):
/// <c>DOORBELLGUARD_FUZZ=10000 dotnet test tests/Fuzzing.Tests -c Release --filter "FullyQualifiedName~FuzzingTests"</c>.
/// </summary>
public sealed class FuzzingTests
{
    private const int RegularSuiteInputs = 300;
    private static readonly TimeSpan TimePerInput = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public FuzzingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_corpus_holds_the_test_code_of_every_analyzer_and_code_fix_test_file()
    {
        var seeds = TestSourceCorpus.Load();

        Assert.Contains(seeds, s => s.Origin.StartsWith("tests/Fuzzing.Tests/Seeds/", StringComparison.Ordinal));
        foreach (var project in TestSourceCorpus.TestProjects)
        {
            var directory = Path.Combine(RepositoryFiles.Root, project);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/');
                if (File.ReadAllText(file).Contains("\"\"\"", StringComparison.Ordinal) && File.ReadAllText(file).Contains("Doorbell", StringComparison.Ordinal))
                {
                    Assert.True(seeds.Any(s => s.Origin.StartsWith(relative, StringComparison.Ordinal)),
                        $"{relative} holds raw string literals of doorbell code, but none became a fuzzing seed.");
                }
            }
        }
        foreach (var folder in TestSourceCorpus.CorpusFolders.Where(f => Directory.Exists(Path.Combine(RepositoryFiles.Root, f))))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/');
                Assert.True(seeds.Any(s => s.Origin == relative), $"{relative} is in the valid-code corpus but not a fuzzing seed.");
            }
        }
        Assert.All(seeds, s => Assert.DoesNotContain("{|", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyzers_and_code_fixes_never_throw_on_mutated_test_sources()
    {
        int budget = FuzzPlan.BudgetFromEnvironment(RegularSuiteInputs);
        int seed = FuzzPlan.SeedFromEnvironment();
        var seeds = TestSourceCorpus.Load();
        var target = FuzzTarget.ForDoorbellGuard();
        Assert.NotEmpty(target.Analyzers);

        var firstInputOfEachBug = new Dictionary<string, (FuzzInput Input, FuzzFailure Failure)>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        int inputs = 0;
        foreach (var input in FuzzPlan.Inputs(seeds, budget, seed))
        {
            inputs++;
            foreach (var failure in await RunOneAsync(target, input.Text, input.Options))
            {
                firstInputOfEachBug.TryAdd(failure.Key, (input, failure));
            }
            if (inputs % 1000 == 0)
            {
                _output.WriteLine($"{inputs} inputs, {stopwatch.Elapsed.TotalSeconds:F0} s, {firstInputOfEachBug.Count} distinct failures so far");
            }
        }

        _output.WriteLine($"{inputs} inputs from {seeds.Count} seeds (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s: " +
            $"{target.Analyzers.Length} analyzers, {target.Fixers.Length} code fix providers, {target.DiagnosticsSeen} diagnostics, " +
            $"{target.CodeActionsApplied} code actions applied, {firstInputOfEachBug.Count} distinct failures.");

        Assert.Equal(budget, inputs);
        // A fuzzer that never reaches the analyzers' reports or the fixes tests nothing: the corpus must trigger both.
        Assert.True(target.DiagnosticsSeen > 0, "No analyzer reported anything on any input: the corpus does not reach the rules.");
        if (!target.Fixers.IsEmpty)
        {
            Assert.True(target.CodeActionsApplied > 0, "No code action was applied on any input: the corpus does not reach the fixes.");
        }

        if (firstInputOfEachBug.Count > 0)
        {
            var report = await ReportAsync(target, firstInputOfEachBug.Values.ToList());
            Assert.Fail(report);
        }
    }

    private static async Task<IReadOnlyList<FuzzFailure>> RunOneAsync(FuzzTarget target, string text, ImmutableDictionary<string, string> options)
    {
        using var timeout = new CancellationTokenSource(TimePerInput);
        try
        {
            return await target.RunAsync(text, options, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new[] { new FuzzFailure("analyzers and fixes", "run", "Timeout", $"no result within {TimePerInput.TotalSeconds:F0} s (a loop that never reaches its fixpoint?)", "") };
        }
        catch (Exception e)
        {
            // Whatever escapes RunAsync escaped Roslyn's own guards around analyzers and fixers: report it all the same.
            return new[] { new FuzzFailure("analysis driver", "run", e.GetType().FullName ?? e.GetType().Name, e.Message, e.StackTrace?.Split('\n')[0].Trim() ?? "") };
        }
    }

    /// <summary>Shrinks each distinct failure's first input, writes them all to artifacts/fuzz-findings, and returns the report.</summary>
    private async Task<string> ReportAsync(FuzzTarget target, IReadOnlyList<(FuzzInput Input, FuzzFailure Failure)> bugs)
    {
        var report = new StringBuilder();
        report.AppendLine($"{bugs.Count} distinct failure(s) from analyzers or code fixes. Minimal inputs:");
        var directory = Path.Combine(RepositoryFiles.Root, "artifacts", "fuzz-findings");
        Directory.CreateDirectory(directory);
        int index = 0;
        foreach (var (input, failure) in bugs)
        {
            index++;
            string minimal = input.Text;
            if (index <= 10)
            {
                minimal = await Reducer.ReduceAsync(input.Text, async candidate =>
                    (await RunOneAsync(target, candidate, input.Options)).Any(f => f.Key == failure.Key));
            }
            var options = input.Options.IsEmpty ? "" : "\n    .editorconfig: " + string.Join("; ", input.Options.Select(p => $"{p.Key} = {p.Value}"));
            var entry = $"--- {index}. {failure}\n    input made by: {input.Description}{options}\n    minimal input:\n{minimal}\n";
            report.AppendLine(entry);
            await File.WriteAllTextAsync(Path.Combine(directory, $"finding-{index:D3}.txt"), entry + "\n--- full input:\n" + input.Text);
        }
        report.AppendLine($"(written to {directory})");
        _output.WriteLine(report.ToString());
        return report.ToString();
    }
}

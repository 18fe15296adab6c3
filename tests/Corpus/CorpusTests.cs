using System.Globalization;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>
/// The known-verdict corpus through the analyzer: precision and recall per category against the targets of issue
/// #11, for every category and case not waiting for a feature (<see cref="PendingFeatures"/>).
/// </summary>
public sealed class CorpusTests : IClassFixture<CorpusRun>
{
    private const int MinimumCasesPerCategory = 25;
    private const int MinimumCasesEachWay = 10;

    private readonly CorpusRun _run;
    private readonly ITestOutputHelper _output;

    public CorpusTests(CorpusRun run, ITestOutputHelper output)
    {
        _run = run;
        _output = output;
    }

    [Fact]
    public void Each_category_meets_the_precision_and_recall_targets()
    {
        var metrics = CategoryMetrics.Of(_run.Outcomes);
        _output.WriteLine(MetricsTable.Format(metrics));
        _output.WriteLine(MetricsTable.FormatMismatches(_run.Outcomes));

        var failing = metrics
            .Where(m => !m.CategoryPending && !m.MeetsTargets(m.Asserted))
            .Select(m => $"{m.Category}: precision {m.Asserted.Precision:0.000}, recall {m.Asserted.Recall:0.000}")
            .ToList();
        Assert.True(failing.Count == 0, "below target (precision >= 0.98, recall >= 0.97):\n" + string.Join("\n", failing));
    }

    [Fact]
    public void The_analyzer_never_fails_on_a_case()
    {
        var failures = _run.Outcomes.Where(o => !o.Failures.IsEmpty).Select(o => o.Case.Name + ": " + string.Join("; ", o.Failures)).ToList();
        Assert.True(failures.Count == 0, "AD0001 / analysis failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_case_compiles()
    {
        var broken = _run.Outcomes.Where(o => !o.CompileErrors.IsEmpty)
            .Select(o => o.Case.Name + ": " + o.CompileErrors[0].ToString()).ToList();
        Assert.True(broken.Count == 0, "cases that do not compile (their verdicts mean nothing):\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Every_category_has_enough_cases_both_ways()
    {
        var report = new StringBuilder();
        foreach (var group in _run.Outcomes.GroupBy(o => o.Case.Category))
        {
            var positive = group.Count(o => o.Case.IsPositive);
            var clean = group.Count() - positive;
            if (group.Count() < MinimumCasesPerCategory || positive < MinimumCasesEachWay || clean < MinimumCasesEachWay)
                report.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} cases, {positive} positive, {clean} clean");
        }

        Assert.True(report.Length == 0, $"each category needs {MinimumCasesPerCategory} cases, {MinimumCasesEachWay} positive and {MinimumCasesEachWay} clean:\n{report}");
        Assert.Equal(new[] { "Aliases", "Derived", "Helpers", "Raw", "Safe", "Unsafe", "Wrappers" }, _run.Outcomes.Select(o => o.Case.Category).Distinct().OrderBy(c => c));
    }

    [Fact]
    public void Every_case_says_what_it_is()
    {
        var silent = _run.Outcomes.Where(o => o.Case.Description.Length < 20).Select(o => o.Case.Name).ToList();
        Assert.True(silent.Count == 0, "cases without a first-line comment saying the shape and why the verdict:\n" + string.Join("\n", silent));
    }

    [Fact]
    public void Pending_entries_name_existing_categories_and_cases()
    {
        var names = _run.Outcomes.Select(o => o.Case.Name).ToHashSet();
        var categories = _run.Outcomes.Select(o => o.Case.Category).ToHashSet();
        Assert.All(PendingFeatures.Categories.Keys, c => Assert.Contains(c, categories));
        Assert.All(PendingFeatures.Cases.Keys.Concat(PendingFeatures.KnownBugs.Keys), n => Assert.Contains(n, names));

        // What already gets its verdict is printed, so entries can go as their features land.
        foreach (var name in PendingFeatures.Cases.Keys.Concat(PendingFeatures.KnownBugs.Keys))
        {
            if (_run.Outcomes.Single(o => o.Case.Name == name).Mismatch.IsEmpty)
                _output.WriteLine($"pending case already right: {name}");
        }

        foreach (var group in _run.Outcomes.Where(o => PendingFeatures.Categories.ContainsKey(o.Case.Category)).GroupBy(o => o.Case.Category))
            _output.WriteLine($"pending category {group.Key}: {group.Count(o => o.Mismatch.IsEmpty)} of {group.Count()} cases already right");
    }
}

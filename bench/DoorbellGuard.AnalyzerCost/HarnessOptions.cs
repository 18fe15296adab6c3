using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>The harness's command line.</summary>
internal sealed class HarnessOptions
{
    public const string Usage = """
        Options:
          --sizes 1,2,4        project sizes, in units of ~107,000 lines (default 1,2,4)
          --runs N             timed runs per size and variant; medians are reported (default 3)
          --seed N             generator seed (default 20261124)
          --flavors LIST       which variants: heavy (doorbell-heavy), typical (one method in a hundred uses a doorbell),
                               none (without DoorbellGuard); default heavy,typical,none
          --concurrent         let the compiler and the analyzer driver use every core (default: one thread, steadier figures)
          --enforce            exit with code 1 when a target is missed: analyzers / compile <= 3 % on doorbell-heavy
                               (and below the naive baseline, with --reference), <= 0.3 % typical, <= 0.2 % without
                               DoorbellGuard; analyzer time per line from the smallest size to the largest <= x1.2
          --reference          also time a naive baseline analyzer that builds and walks the CFG of every method
                               that calls a method named Ring (the cost to beat; one extra compilation per run)
          --real-build         also write each variant at the smallest size to disk as a real project and build it with
                               `dotnet build -p:ReportAnalyzer=true`: --runs pairs of builds, with and without DoorbellGuard's
                               analyzer, each a fresh csc process; reads the analyzer times csc reports and the Csc task's
                               time from each build's output
          --real-build-dir DIR where those projects and their build logs go, DIR/<variant>, each emptied first
                               (default: a folder in the temp directory)
          --real-build-framework TFM   the generated projects' target framework (default net8.0; its reference
                               assemblies must be in the local NuGet cache, as they are once src/Runtime was built)
          --warm-build         instead of the in-memory runs: each variant of --flavors at the smallest size written to disk as a
                               real project (in --real-build-dir, DIR/warm-<variant>) and built with the compiler server warm:
                               after two untimed builds, --runs pairs of (touch one file, build with DoorbellGuard's analyzer;
                               touch it again, build without); prints each pair's Csc task times and their medians
          --files N            with --warm-build: N files per generated project instead of 200 per size unit (a quick check
                               that the mode works; its figures are not the issue's)
          --per-shape          instead of the size table: the analyzers' time per method for each doorbell shape
                               (50 files each, all doorbell methods of one shape, minus a project with none)
          --write DIR          write each variant of the smallest size to DIR/<variant> (emptied first) as a buildable
                               project and exit
        """;

    public IReadOnlyList<int> Sizes { get; private set; } = new[] { 1, 2, 4 };
    public int Runs { get; private set; } = 3;
    public int Seed { get; private set; } = 20261124;
    public IReadOnlyList<ProjectFlavor> Flavors { get; private set; } = new[] { ProjectFlavor.DoorbellHeavy, ProjectFlavor.Typical, ProjectFlavor.WithoutDoorbellGuard };
    public bool Concurrent { get; private set; }
    public bool Enforce { get; private set; }
    public bool Reference { get; private set; }
    public bool RealBuild { get; private set; }
    public string RealBuildDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "doorbellguard-real-build");
    public string RealBuildFramework { get; private set; } = "net8.0";
    public bool PerShape { get; private set; }
    public bool WarmBuild { get; private set; }
    public int? Files { get; private set; }
    public string? WriteDirectory { get; private set; }

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--sizes":
                    options.Sizes = ParseList(Value(), "--sizes", s => int.Parse(s, CultureInfo.InvariantCulture)).OrderBy(s => s).ToArray();
                    if (options.Sizes.Count == 0 || options.Sizes.Any(s => s < 1))
                    {
                        throw new ArgumentException("--sizes takes whole numbers of 1 or more, for example --sizes 1,2,4.");
                    }
                    break;
                case "--runs":
                    options.Runs = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (options.Runs < 1)
                    {
                        throw new ArgumentException("--runs must be 1 or more.");
                    }
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--flavors":
                    options.Flavors = ParseList(Value(), "--flavors", s => s switch
                    {
                        "heavy" => ProjectFlavor.DoorbellHeavy,
                        "typical" => ProjectFlavor.Typical,
                        "none" => ProjectFlavor.WithoutDoorbellGuard,
                        _ => throw new FormatException($"unknown flavor '{s}'"),
                    }).Distinct().ToArray();
                    if (options.Flavors.Count == 0)
                    {
                        throw new ArgumentException("--flavors takes at least one of heavy, typical, none.");
                    }
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--enforce":
                    options.Enforce = true;
                    break;
                case "--files":
                    options.Files = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (options.Files < 1)
                    {
                        throw new ArgumentException("--files must be 1 or more.");
                    }
                    break;
                case "--warm-build":
                    options.WarmBuild = true;
                    break;
                case "--per-shape":
                    options.PerShape = true;
                    break;
                case "--reference":
                    options.Reference = true;
                    break;
                case "--real-build":
                    options.RealBuild = true;
                    break;
                case "--real-build-dir":
                    options.RealBuildDirectory = Path.GetFullPath(Value());
                    break;
                case "--real-build-framework":
                    options.RealBuildFramework = Value();
                    break;
                case "--write":
                    options.WriteDirectory = Path.GetFullPath(Value());
                    break;
                case "--help":
                case "-h":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}");
            }
        }
        return options;
    }

    private static T[] ParseList<T>(string text, string option, Func<string, T> parse)
    {
        try
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{option} {text}: {e.Message}.\n{Usage}", e);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Corpus.Measuring;
using DoorbellGuard.RealCode;

// The real-code check of issue #11 (docs/real-code-check.md):
//   dotnet run -c Release --project bench/DoorbellGuard.RealCode -- <codebase folder>... [--methods N] [--seed S] [--show K]
// Exit code: 0 when nothing is reported outside the blocks and the analyzer never failed; 1 otherwise; 2 for bad arguments.
var folders = new List<string>();
var methods = 200;
var seed = 11;
var show = 60;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--methods" when i + 1 < args.Length:
            methods = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--seed" when i + 1 < args.Length:
            seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--show" when i + 1 < args.Length:
            show = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        default:
            folders.Add(args[i]);
            break;
    }
}

if (folders.Count == 0 || folders.Any(f => !Directory.Exists(f)))
{
    Console.Error.WriteLine("usage: DoorbellGuard.RealCode <codebase folder>... [--methods N] [--seed S] [--show K]");
    Console.Error.WriteLine("each folder holds the .cs files of one codebase; docs/real-code-check.md says which ones and how to get them");
    return 2;
}

var cases = CorpusCases.Load(CorpusCases.Folder(CorpusCases.FindRepositoryRoot(AppContext.BaseDirectory)));
var blocks = InjectableBlock.FromCorpus(cases);
Console.WriteLine($"{blocks.Length} blocks from the corpus ({blocks.Count(b => !b.Expected.IsEmpty)} with findings), {methods} members per codebase, seed {seed}");

var runs = new List<(string Codebase, IReadOnlyList<InjectionOutcome> Outcomes)>();
foreach (var folder in folders)
{
    var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
    var started = DateTime.UtcNow;
    var outcomes = await CodebaseRun.RunAsync(folder, blocks, methods, seed, CancellationToken.None);
    Console.WriteLine($"{name}: {outcomes.Count} injections tried in {(DateTime.UtcNow - started).TotalSeconds:0} s");
    runs.Add((name, outcomes));
}

Console.WriteLine();
Console.WriteLine(RealCodeReport.Summary(runs));
Console.WriteLine(RealCodeReport.Problems(runs, show));
return RealCodeReport.HasHardFailures(runs.SelectMany(r => r.Outcomes)) ? 1 : 0;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;

namespace DoorbellGuard.RealCode;

/// <summary>
/// One codebase: a seeded choice of member bodies (pointer code and other code taken in turn), each given the next
/// block of the library, until <c>methods</c> injections could be judged or the candidates run out.
/// </summary>
internal static class CodebaseRun
{
    public static async Task<IReadOnlyList<InjectionOutcome>> RunAsync(string folder, ImmutableArray<InjectableBlock> blocks, int methods, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var files = new Dictionary<string, (string Text, int UsingAt)>(StringComparer.Ordinal);
        var sites = new List<MethodSite>();
        foreach (var path in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            var tree = CSharpSyntaxTree.ParseText(text, cancellationToken: cancellationToken);
            files[relative] = (text, Injection.UsingPosition(tree.GetCompilationUnitRoot(cancellationToken)));
            sites.AddRange(MethodSite.InFile(relative, tree));
        }

        var outcomes = new List<InjectionOutcome>();
        var judged = 0;
        foreach (var site in Interleave(Shuffle(sites.Where(s => s.IsPointerCode), random), Shuffle(sites.Where(s => !s.IsPointerCode), random)))
        {
            if (judged == methods)
                break;
            var block = blocks[judged % blocks.Length];
            var point = site.InsertionPoints[random.Next(site.InsertionPoints.Count)];
            var outcome = await InjectionCheck.RunAsync(Injection.Create(files[site.File].Text, files[site.File].UsingAt, site, point, block), cancellationToken);
            outcomes.Add(outcome);
            if (outcome.Unjudgeable == Unjudgeable.None)
                judged++;
        }

        return outcomes;
    }

    private static List<MethodSite> Shuffle(IEnumerable<MethodSite> sites, Random random)
    {
        var list = sites.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static IEnumerable<MethodSite> Interleave(List<MethodSite> first, List<MethodSite> second)
    {
        for (var i = 0; i < Math.Max(first.Count, second.Count); i++)
        {
            if (i < first.Count)
                yield return first[i];
            if (i < second.Count)
                yield return second[i];
        }
    }
}

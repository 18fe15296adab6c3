using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace DoorbellGuard.Corpus.Measuring;

/// <summary>
/// One known-verdict case: a self-contained C# file under <c>tests/Corpus/Cases/&lt;Category&gt;/</c>, its expected
/// diagnostics marked in the text (<see cref="VerdictMarkup"/>). A case under an <c>AnalyzerOnly</c> folder is user
/// code of the DoorbellGuard.Analyzers package alone: it declares its own attributes and <c>DoorbellStatus</c> and
/// compiles without the runtime.
/// </summary>
/// <param name="Category">The folder right under Cases: Safe, Unsafe, Wrappers, Aliases, Helpers.</param>
/// <param name="Name">The path under Cases without extension, with '/' (e.g. <c>Unsafe/RingAfterIndexerWrite</c>).</param>
/// <param name="Description">The first line comment of the file: the shape and why the verdict.</param>
public sealed record CorpusCase(string Category, string Name, string Description, MarkedSource Source, bool AnalyzerOnly)
{
    public bool IsPositive => !Source.Expected.IsEmpty;

    public override string ToString() => Name;
}

/// <summary>Reads the cases from the repository.</summary>
public static class CorpusCases
{
    public const string AnalyzerOnlyFolder = "AnalyzerOnly";

    /// <summary>tests/Corpus/Cases under the repository root (the folder that holds Analyzers.sln).</summary>
    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "Corpus", "Cases");

    public static ImmutableArray<CorpusCase> Load(string casesFolder) => Directory
        .GetFiles(casesFolder, "*.cs", SearchOption.AllDirectories)
        .Select(path => Read(casesFolder, path))
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The repository root above <paramref name="start"/>: the first folder that holds Analyzers.sln.</summary>
    public static string FindRepositoryRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Analyzers.sln not found above " + start);
    }

    private static CorpusCase Read(string casesFolder, string path)
    {
        var relative = Path.GetRelativePath(casesFolder, path).Replace('\\', '/');
        var name = relative.Substring(0, relative.Length - ".cs".Length);
        var folders = name.Split('/');
        var markup = File.ReadAllText(path);
        MarkedSource source;
        try
        {
            source = VerdictMarkup.Parse(markup);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{relative}: {e.Message}", e);
        }

        return new CorpusCase(folders[0], name, FirstComment(markup), source, folders.Contains(AnalyzerOnlyFolder));
    }

    private static string FirstComment(string text)
    {
        var first = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)) ?? "";
        return first.Trim().TrimStart('/').Trim();
    }
}

using System;
using System.IO;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>Finds the repository the tests run from, so the fuzzer reads the other test projects' sources as they are now.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException(
            $"No Analyzers.sln above {AppContext.BaseDirectory}: the fuzzing tests read the analyzer and code-fix test sources from the repository, so run them from a clone of it.");
    }
}

using System;
using System.IO;

namespace DoorbellGuard.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository under test is: found by walking up from the test assembly to Analyzers.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string RuntimeProject => Path.Combine(Root, "src", "Runtime", "DoorbellGuard.Runtime.csproj");

    public static string AnalyzerPackageProject => Path.Combine(Root, "src", "Packaging", "DoorbellGuard.Analyzers.Package", "DoorbellGuard.Analyzers.Package.csproj");

    public static string SampleProject => Path.Combine(Root, "samples", "DoorbellGuard.Sample", "DoorbellGuard.Sample.csproj");

    public static string NuGetConfig => Path.Combine(Root, "nuget.config");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}: the end-to-end tests must run from a build inside the DoorbellGuard repository.");
    }
}

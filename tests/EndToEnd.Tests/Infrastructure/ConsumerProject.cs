using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DoorbellGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh project in the feed's temp folder, made of a csproj and the sources of one folder under
/// Consumers/ in this test project, that references a DoorbellGuard package from the local feed.
/// </summary>
public sealed class ConsumerProject
{
    private readonly PackedFeed feed;

    private ConsumerProject(PackedFeed feed, string directory, string sourceFolder)
    {
        this.feed = feed;
        Directory = directory;
        SourceFolder = sourceFolder;
    }

    public string Directory { get; }

    /// <summary>The folder under tests/EndToEnd.Tests/Consumers the sources came from.</summary>
    public string SourceFolder { get; }

    public string ProjectFile => Path.Combine(Directory, Path.GetFileName(Directory) + ".csproj");

    public string SarifPath => Path.Combine(Directory, "diagnostics.sarif");

    /// <summary>
    /// Creates the project from Consumers/<paramref name="sources"/>, in a folder of its own named
    /// <paramref name="name"/>, referencing <paramref name="packageId"/> (none when null: add it with `dotnet add package`).
    /// </summary>
    public static ConsumerProject Create(PackedFeed feed, string name, string sources, string? packageId, string? editorConfig = null)
    {
        string sourceFolder = Path.Combine(RepositoryPaths.Root, "tests", "EndToEnd.Tests", "Consumers", sources);
        if (!System.IO.Directory.Exists(sourceFolder))
        {
            throw new DirectoryNotFoundException($"No consumer sources at {sourceFolder}.");
        }

        string directory = Path.Combine(feed.ConsumersDirectory, name);
        System.IO.Directory.CreateDirectory(directory);
        foreach (string file in System.IO.Directory.EnumerateFiles(sourceFolder, "*.cs"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig);
        }

        var project = new ConsumerProject(feed, directory, sourceFolder);
        string packageReference = packageId is null ? "" : $"<PackageReference Include=\"{packageId}\" Version=\"{feed.Version}\" />";
        File.WriteAllText(project.ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
              </PropertyGroup>
              <ItemGroup>
                {packageReference}
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    /// <summary>Builds once (restoring first unless <paramref name="restored"/>), with a SARIF 2.1 error log.</summary>
    public CommandResult Build(bool restored = false)
    {
        var arguments = new List<string>
        {
            "build", ProjectFile, "-nodeReuse:false", "-tl:off", "-clp:NoSummary",
            // ',' and '=' inside a -p value must be escaped for MSBuild.
            "-p:ErrorLog=" + SarifPath + "%2Cversion%3D2.1",
        };
        if (restored)
        {
            arguments.Add("--no-restore");
        }

        return Dotnet([.. arguments]);
    }

    public CommandResult Dotnet(params string[] arguments) =>
        DotnetCli.Run(Directory, arguments, feed.ConsumerEnvironment);

    /// <summary>What the sources of this consumer say must be reported.</summary>
    public IReadOnlyList<(string Id, string File, int Line)> ExpectedDiagnostics => Diagnostics.ExpectedInSources(SourceFolder);

    /// <summary>The compile references the build handed to the compiler (written by the consumers' Directory.Build.targets).</summary>
    public IReadOnlyList<string> CompileReferences => ReadList("compile-references.txt");

    /// <summary>The analyzer assemblies the build handed to the compiler.</summary>
    public IReadOnlyList<string> CompilerAnalyzers => ReadList("compile-analyzers.txt");

    public string AssetsFile => Path.Combine(Directory, "obj", "project.assets.json");

    private IReadOnlyList<string> ReadList(string name)
    {
        string path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} was not written: the build did not reach the compiler.");
        }

        return File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
    }
}

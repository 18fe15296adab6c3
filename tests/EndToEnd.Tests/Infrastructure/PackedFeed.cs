using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace DoorbellGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs DoorbellGuard and DoorbellGuard.Analyzers from this repository once, into a local feed in a
/// temp folder, for every end-to-end test. Consumers restore from that feed with their own
/// NUGET_PACKAGES folder, so a DoorbellGuard 0.1.0 cached by an earlier run can never be picked up.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string RuntimePackageId = "DoorbellGuard";
    public const string AnalyzerPackageId = "DoorbellGuard.Analyzers";

    private readonly Dictionary<string, object> shared = new(StringComparer.Ordinal);

    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "doorbellguard-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(Root, "feed");
        PackagesDirectory = Path.Combine(Root, "nuget-packages");
        ConsumersDirectory = Path.Combine(Root, "consumers");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);

        Version = ReadRepositoryVersion();
        RuntimePack = Pack(RepositoryPaths.RuntimeProject);
        AnalyzerPack = Pack(RepositoryPaths.AnalyzerPackageProject);
        RuntimePackage = RequirePackage(RuntimePackageId, ".nupkg", RuntimePack);
        RuntimeSymbolsPackage = RequirePackage(RuntimePackageId, ".snupkg", RuntimePack);
        AnalyzerPackage = RequirePackage(AnalyzerPackageId, ".nupkg", AnalyzerPack);

        NuGetConfigPath = Path.Combine(ConsumersDirectory, "nuget.config");
        WriteNuGetConfig(NuGetConfigPath);
        WriteBuildIsolation();
    }

    /// <summary>The temp folder that holds everything; deleted at the end unless DOORBELLGUARD_E2E_KEEP=1.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    /// <summary>The consumers' NUGET_PACKAGES: empty at the start of every run.</summary>
    public string PackagesDirectory { get; }

    /// <summary>Where consumer projects are created; it holds the nuget.config and Directory.Build.* they see.</summary>
    public string ConsumersDirectory { get; }

    public string NuGetConfigPath { get; }

    /// <summary>The package version, as Directory.Build.props sets it.</summary>
    public string Version { get; }

    public CommandResult RuntimePack { get; }

    public CommandResult AnalyzerPack { get; }

    public string RuntimePackage { get; }

    public string RuntimeSymbolsPackage { get; }

    public string AnalyzerPackage { get; }

    /// <summary>The environment of every consumer command: the isolated package folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    /// <summary>
    /// Builds a thing (a consumer and its build, say) the first time a test asks for it and hands the same
    /// one to every later test, so each consumer is built once however many tests look at it.
    /// </summary>
    public T Once<T>(string key, Func<T> create)
    {
        lock (shared)
        {
            if (!shared.TryGetValue(key, out object? value))
            {
                value = create();
                shared.Add(key, value!);
            }

            return (T)value!;
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("DOORBELLGUARD_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server still holding a file: the OS cleans temp folders; not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private CommandResult Pack(string project)
    {
        // Release, as a user packs; the packs reuse the repository's own restore and package cache.
        CommandResult result = DotnetCli.Run(
            RepositoryPaths.Root,
            ["pack", project, "-c", "Release", "-o", FeedDirectory, "-nodeReuse:false", "-tl:off"],
            timeout: TimeSpan.FromMinutes(8));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Packing failed, so no end-to-end test can run. " + result);
        }

        return result;
    }

    private string RequirePackage(string id, string extension, CommandResult pack)
    {
        string path = Path.Combine(FeedDirectory, $"{id}.{Version}{extension}");
        if (!File.Exists(path))
        {
            string found = string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName));
            throw new InvalidOperationException($"Expected {path} after packing; the feed holds: {found}. {pack}");
        }

        return path;
    }

    private static string ReadRepositoryVersion()
    {
        XDocument props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string? version = props.Descendants("Version").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
        return version ?? throw new InvalidOperationException("Directory.Build.props sets no <Version>: the tests cannot know which package version to expect.");
    }

    /// <summary>
    /// Sources: the local feed, then the repository's own sources. Source mapping sends the DoorbellGuard
    /// packages to the local feed only, so a package of the same name elsewhere can never win.
    /// </summary>
    private void WriteNuGetConfig(string path)
    {
        XDocument repositoryConfig = XDocument.Load(RepositoryPaths.NuGetConfig);
        List<XElement> repositorySources = repositoryConfig.Descendants("packageSources").Elements("add")
            .Select(add => new XElement(add))
            .ToList();

        var config = new XDocument(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "doorbellguard-local"), new XAttribute("value", FeedDirectory)),
                    repositorySources),
                new XElement("packageSourceMapping",
                    new XElement("packageSource", new XAttribute("key", "doorbellguard-local"),
                        new XElement("package", new XAttribute("pattern", RuntimePackageId)),
                        new XElement("package", new XAttribute("pattern", AnalyzerPackageId))),
                    repositorySources.Select(source =>
                        new XElement("packageSource", new XAttribute("key", (string)source.Attribute("key")!),
                            new XElement("package", new XAttribute("pattern", "*")))))));
        config.Save(path);
    }

    /// <summary>
    /// Consumers live in a temp folder: stop MSBuild from importing any Directory.Build.* or
    /// Directory.Packages.props above it, and record what the compiler was given.
    /// </summary>
    private void WriteBuildIsolation()
    {
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.targets"), """
            <Project>
              <!-- The test reads these lists: what the compiler got as references and as analyzers. -->
              <Target Name="E2EWriteCompilerInputs" AfterTargets="CoreCompile">
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/compile-references.txt" Lines="@(ReferencePathWithRefAssemblies)" Overwrite="true" />
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/compile-analyzers.txt" Lines="@(Analyzer)" Overwrite="true" />
              </Target>
            </Project>
            """);
    }
}

/// <summary>Every end-to-end test shares one packed feed (xunit runs a collection's tests one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}

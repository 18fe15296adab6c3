using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using DoorbellGuard.EndToEnd.Tests.Infrastructure;

namespace DoorbellGuard.EndToEnd.Tests;

/// <summary>What `dotnet pack` puts in each package, read from the .nupkg files as NuGet would.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    private static readonly string[] AnalyzerAssemblies =
    [
        "analyzers/dotnet/cs/DoorbellGuard.Analyzers.dll",
        "analyzers/dotnet/cs/DoorbellGuard.CodeFixes.dll",
    ];

    [Fact]
    public void Runtime_package_has_the_runtime_in_lib_and_the_analyzer_in_analyzers_only()
    {
        IReadOnlyList<string> entries = Entries(feed.RuntimePackage);

        Assert.Contains("lib/net8.0/DoorbellGuard.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/DoorbellGuard.Runtime.xml", entries);
        Assert.Contains("README.md", entries);
        foreach (string analyzer in AnalyzerAssemblies)
        {
            Assert.Contains(analyzer, entries);
        }

        // Only the runtime is a compile reference: nothing of Roslyn's and no analyzer under lib/ or ref/.
        Assert.Equal(
            ["lib/net8.0/DoorbellGuard.Runtime.dll", "lib/net8.0/DoorbellGuard.Runtime.xml"],
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Runtime_package_metadata_is_complete_and_depends_on_nothing()
    {
        XElement metadata = Nuspec(feed.RuntimePackage);

        Assert.Equal(PackedFeed.RuntimePackageId, Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        AssertCommonMetadata(metadata);
        Assert.Null(metadata.Element(metadata.Name.Namespace + "developmentDependency"));

        // The analyzer projects are PrivateAssets="all": they must not become package dependencies.
        IEnumerable<XElement> dependencies = metadata.Descendants(metadata.Name.Namespace + "dependency");
        Assert.Empty(dependencies);
    }

    [Fact]
    public void Runtime_symbols_package_carries_the_runtime_pdb()
    {
        IReadOnlyList<string> entries = Entries(feed.RuntimeSymbolsPackage);

        Assert.Contains("lib/net8.0/DoorbellGuard.Runtime.pdb", entries);
    }

    [Fact]
    public void Analyzer_package_is_a_development_dependency_with_only_the_analyzer_assemblies()
    {
        IReadOnlyList<string> entries = Entries(feed.AnalyzerPackage);
        XElement metadata = Nuspec(feed.AnalyzerPackage);

        Assert.Equal(
            AnalyzerAssemblies,
            entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
        Assert.Contains("README.md", entries);
        Assert.Equal(PackedFeed.AnalyzerPackageId, Value(metadata, "id"));
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        AssertCommonMetadata(metadata);
        Assert.Empty(metadata.Descendants(metadata.Name.Namespace + "dependency"));
    }

    [Fact]
    public void Analyzer_assemblies_carry_their_pdb_embedded()
    {
        using ZipArchive package = ZipFile.OpenRead(feed.AnalyzerPackage);
        foreach (string path in AnalyzerAssemblies)
        {
            using var copy = new MemoryStream();
            using (Stream entry = package.GetEntry(path)!.Open())
            {
                entry.CopyTo(copy);
            }

            copy.Position = 0;
            using var reader = new System.Reflection.PortableExecutable.PEReader(copy);
            Assert.Contains(
                reader.ReadDebugDirectory(),
                d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.EmbeddedPortablePdb);
        }
    }

    private static void AssertCommonMetadata(XElement metadata)
    {
        XNamespace ns = metadata.Name.Namespace;
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", (string?)metadata.Element(ns + "license")?.Attribute("type"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.Contains("doorbell", Value(metadata, "tags"), StringComparison.Ordinal);
        XElement repository = metadata.Element(ns + "repository") ?? throw new Xunit.Sdk.XunitException("The nuspec has no <repository>.");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://github.com/", (string?)repository.Attribute("url"), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Entries(string package)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private static XElement Nuspec(string package)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        ZipArchiveEntry entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using Stream stream = entry.Open();
        XElement package_ = XDocument.Load(stream).Root!;
        return package_.Element(package_.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name)?.Value ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");
}

using System.IO;
using System.Linq;
using System.Reflection;
using DoorbellGuard.Analyzers;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Tests;

public class DescriptorTests
{
    private static DiagnosticDescriptor[] AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && f.IsInitOnly)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

    [Fact]
    public void Every_rule_id_has_one_descriptor()
    {
        var ids = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x).ToArray();
        Assert.Equal(new[] { "DBL001", "DBL002", "DBL003", "DBL004", "DBL005", "DBL006", "DBL900", "DBL901" }, ids);
        Assert.Equal(ids, AllDescriptors().Select(d => d.Id).OrderBy(x => x).ToArray());
    }

    [Fact]
    public void Every_descriptor_has_help_link_docs_page_and_release_entry()
    {
        var root = RepoRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var d in AllDescriptors())
        {
            Assert.Equal(Descriptors.HelpLink(d.Id), d.HelpLinkUri);
            Assert.EndsWith("docs/rules/" + d.Id + ".md", d.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(root, "docs", "rules", d.Id + ".md")), $"docs/rules/{d.Id}.md is missing");
            Assert.Contains(d.Id + " | " + d.Category + " | " + d.DefaultSeverity, unshipped);
            Assert.Equal("Reliability", d.Category);
            // The rules and DBL901 warn; DBL900 only lists what the analysis skipped, for who asks (severity suggestion).
            Assert.Equal(d.Id == "DBL900" ? DiagnosticSeverity.Hidden : DiagnosticSeverity.Warning, d.DefaultSeverity);
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Analyzers.sln not found above " + System.AppContext.BaseDirectory);
    }
}

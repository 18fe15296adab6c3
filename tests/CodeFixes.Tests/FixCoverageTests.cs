using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Fuzzing.Tests;
using Xunit.Abstractions;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// Every diagnostic the analyzer tests produce gets a fix, unless the rule page says why not: the test code of
/// tests/Analyzers.Tests is run through the analyzer (with the runtime when it names DoorbellGuard, else as the
/// analyzer-only package), and for each DBL diagnostic the fix for its rule must be offered, or decline for a reason
/// that the rule page's "Code fix" section explains.
/// </summary>
public class FixCoverageTests(ITestOutputHelper output)
{
    /// <summary>What each rule page says for a reason (the test finds this text in the page).</summary>
    private static readonly Dictionary<FixUnavailableReason, string> Explanations = new()
    {
        [FixUnavailableReason.NotARing] = "on a call, not a ring",
        [FixUnavailableReason.NoStatusRead] = "no status read",
        [FixUnavailableReason.StatusEnumIncomplete] = "all four values",
        [FixUnavailableReason.NoConnect] = "no connect",
        [FixUnavailableReason.NoNotify] = "no notify",
        [FixUnavailableReason.UnsupportedPosition] = "part of a larger expression",
        [FixUnavailableReason.CreationNotFound] = "not created by a statement",
    };

    [Fact]
    public async Task Every_analyzer_test_diagnostic_gets_a_fix_or_its_rule_page_says_why_not()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests", "Analyzers.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => TestSourceCorpus.ExtractTestCode(File.ReadAllText(f)).Select(TestSourceCorpus.StripMarkup))
            .Distinct()
            .ToList();

        int total = 0, offered = 0;
        var declined = new List<(string Rule, FixUnavailableReason Reason, string Where)>();
        var storesDeclined = new List<string>();
        foreach (var source in sources)
        {
            var withRuntime = source.Contains("DoorbellGuard", StringComparison.Ordinal);
            var document = await FixRunner.CreateDocumentAsync(source, source.Contains("\nvar ", StringComparison.Ordinal) || source.StartsWith("var ", StringComparison.Ordinal)
                ? Microsoft.CodeAnalysis.OutputKind.ConsoleApplication
                : Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, withRuntime: withRuntime);
            foreach (var diagnostic in (await FixRunner.DoorbellDiagnosticsAsync(document)).Where(d => d.Id.StartsWith("DBL00", StringComparison.Ordinal)))
            {
                total++;
                if (diagnostic.Id == Analyzers.DiagnosticIds.RingStoreNotPublished)
                {
                    // DBL006 is a store, not a ring: its own fix, and its page's list of when none is offered.
                    if (await FixRunner.OfferedActionAsync(document, new UseVolatileWriteCodeFixProvider(), diagnostic) is not null)
                    {
                        offered++;
                    }
                    else
                    {
                        storesDeclined.Add(source.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line].Trim());
                    }

                    continue;
                }

                DoorbellCodeFixProvider provider = diagnostic.Id == Analyzers.DiagnosticIds.RingBeforeConnect
                    ? new ConnectBeforeFirstRingCodeFixProvider()
                    : new CheckStatusAndRetryCodeFixProvider();
                if (await FixRunner.OfferedActionAsync(document, provider, diagnostic) is not null)
                {
                    offered++;
                    continue;
                }

                var protocol = await ProtocolContext.CreateAsync(document, CancellationToken.None);
                var site = protocol is null ? null : RingSite.TryCreate(protocol.Root, diagnostic.Location.SourceSpan, protocol);
                var reason = site is null ? FixUnavailableReason.NotARing : provider.Unavailable(site) ?? FixUnavailableReason.NotARing;
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                declined.Add((diagnostic.Id, reason, source.Split('\n')[line].Trim()));
            }
        }

        output.WriteLine($"analyzer test sources: {sources.Count}; DBL diagnostics: {total}; fix offered: {offered}; declined: {declined.Count + storesDeclined.Count}");
        foreach (var where in storesDeclined)
        {
            output.WriteLine($"  DBL006 declined: {where}");
        }

        foreach (var group in declined.GroupBy(d => (d.Rule, d.Reason)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key.Rule} {group.Key.Reason}: {group.Count()}, e.g. {group.First().Where}");
        }

        Assert.True(total > 50, "the analyzer tests yielded too few diagnostics to judge: " + total);
        var storePage = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "rules", "DBL006.md"));
        Assert.True(storesDeclined.Count == 0 || storePage[storePage.IndexOf("## Code fix", StringComparison.Ordinal)..].Contains("No fix is offered", StringComparison.Ordinal),
            "DBL006 declined a fix and docs/rules/DBL006.md's Code fix section does not say when: " + string.Join("; ", storesDeclined));
        foreach (var (rule, reason, where) in declined)
        {
            Assert.True(Explanations.TryGetValue(reason, out var explanation), $"{rule} at '{where}': no fix, for a reason no rule page explains ({reason})");
            var page = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "rules", rule + ".md"));
            var codeFix = page[page.IndexOf("## Code fix", StringComparison.Ordinal)..];
            Assert.True(codeFix.Contains(explanation, StringComparison.OrdinalIgnoreCase), $"{rule} at '{where}': no fix ({reason}), and docs/rules/{rule}.md's Code fix section does not say \"{explanation}\"");
        }
    }
}

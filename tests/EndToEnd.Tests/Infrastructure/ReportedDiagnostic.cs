using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DoorbellGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A diagnostic as a user sees it: rule ID, file name, line, severity, message, and (from SARIF) the lines
/// of its related locations.
/// </summary>
public sealed record ReportedDiagnostic(string Id, string File, int Line, string Severity, string Message, string RelatedLines = "")
{
    /// <summary>The line numbers the message's explanation names, as in "(the path leaves at line 17)".</summary>
    public string LinesNamedInMessage => string.Join(",", Diagnostics.LineInMessage().Matches(Message).Select(m => m.Groups["line"].Value));

    public override string ToString() => $"{File}({Line}): {Severity} {Id}";

    /// <summary>The same diagnostic without its severity, to compare expectations that do not care about it.</summary>
    public (string Id, string File, int Line) Where => (Id, File, Line);
}

/// <summary>Reads diagnostics from what the build printed, from a SARIF log, and from the markers in the sources.</summary>
public static partial class Diagnostics
{
    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \(https?://[^ ]*\))?(?: \[[^\]]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex MsBuildDiagnosticLine();

    [GeneratedRegex(@"\bline (?<line>\d+)")]
    internal static partial Regex LineInMessage();

    [GeneratedRegex(@"//\s*expect\s+(?<ids>DBL\d{3}(?:\s*,\s*DBL\d{3})*)")]
    private static partial Regex ExpectationMarker();

    /// <summary>The DBL diagnostics in MSBuild's console output (each once: the summary repeats them).</summary>
    public static IReadOnlyList<ReportedDiagnostic> FromBuildOutput(string output) =>
        MsBuildDiagnosticLine().Matches(output)
            .Select(m => new ReportedDiagnostic(
                m.Groups["id"].Value,
                Path.GetFileName(m.Groups["file"].Value.Trim()),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["severity"].Value,
                m.Groups["message"].Value))
            .Where(d => d.Id.StartsWith("DBL", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The DBL results of a SARIF 2.1 log, as the compiler writes it for -p:ErrorLog=file,version=2.1.</summary>
    public static IReadOnlyList<ReportedDiagnostic> FromSarif(string sarifPath)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        JsonElement root = document.RootElement;
        if (root.GetProperty("version").GetString() != "2.1.0")
        {
            throw new InvalidDataException($"{sarifPath} is SARIF {root.GetProperty("version")}, not 2.1.0.");
        }

        var found = new List<ReportedDiagnostic>();
        foreach (JsonElement run in root.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out JsonElement results))
            {
                continue;
            }

            foreach (JsonElement result in results.EnumerateArray())
            {
                string id = result.GetProperty("ruleId").GetString() ?? "";
                if (!id.StartsWith("DBL", StringComparison.Ordinal))
                {
                    continue;
                }

                JsonElement physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                string uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
                int line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
                string level = result.TryGetProperty("level", out JsonElement l) ? l.GetString() ?? "warning" : "warning";
                string message = result.GetProperty("message").GetProperty("text").GetString() ?? "";
                var related = new List<int>();
                if (result.TryGetProperty("relatedLocations", out JsonElement relatedLocations))
                {
                    foreach (JsonElement location in relatedLocations.EnumerateArray())
                    {
                        related.Add(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
                    }
                }

                found.Add(new ReportedDiagnostic(id, Path.GetFileName(new Uri(uri).LocalPath), line, level, message, string.Join(",", related)));
            }
        }

        return found.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What the sources say must be reported: a line ending in <c>// expect DBL001</c> (or
    /// <c>// expect DBL002, DBL003</c>) expects those rules on that line.
    /// </summary>
    public static IReadOnlyList<(string Id, string File, int Line)> ExpectedInSources(string directory)
    {
        var expected = new List<(string Id, string File, int Line)>();
        foreach (string file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                Match marker = ExpectationMarker().Match(lines[i]);
                if (!marker.Success)
                {
                    continue;
                }

                foreach (string id in marker.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    expected.Add((id, Path.GetFileName(file), i + 1));
                }
            }
        }

        return expected.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }
}

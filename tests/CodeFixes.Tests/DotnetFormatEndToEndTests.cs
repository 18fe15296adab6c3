using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DoorbellGuard.Analyzers;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// The fixes as a user gets them from the command line: a real project referencing the built analyzer,
/// code fix and runtime assemblies, fixed by <c>dotnet format analyzers</c>, then built.
/// </summary>
public sealed class DotnetFormatEndToEndTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "doorbellguard-format-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Dotnet_format_applies_the_fixes_and_the_project_builds_clean()
    {
        var project = CopyFixture();
        var sourcePath = Path.Combine(_folder, "Submitter.cs");
        var before = File.ReadAllText(sourcePath);
        var wrapperPath = Path.Combine(_folder, "MappedKick.cs");

        var build = Run("dotnet", $"build \"{project}\" -nologo -clp:NoSummary -p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, "the sample must build before the fix:\n" + build.Output);
        var flaggedBefore = DoorbellWarnings(build.Output);
        Assert.Contains("DBL001", flaggedBefore);
        Assert.Contains("DBL005", flaggedBefore);
        Assert.Contains("DBL006", flaggedBefore);

        // DBL006 in a run of its own, as the README says: in one run with the protocol IDs, dotnet format now and then
        // dropped one fixer's changes (seen in CI, not understood yet).
        var protocol = Run("dotnet", $"format analyzers \"{project}\" --diagnostics DBL001 DBL002 DBL003 DBL004 DBL005 --severity warn -v diag");
        Assert.True(protocol.ExitCode == 0, "dotnet format failed:\n" + protocol.Output);
        var format = Run("dotnet", $"format analyzers \"{project}\" --diagnostics DBL006 --severity warn -v diag");
        Assert.True(format.ExitCode == 0, "dotnet format failed:\n" + format.Output);

        var after = File.ReadAllText(sourcePath);
        output.WriteLine(after);
        Assert.NotEqual(before, after);
        Assert.Contains("_doorbell.ReadStatus()", after, StringComparison.Ordinal);
        Assert.Contains("doorbell.Connect();", after, StringComparison.Ordinal);
        Assert.True(File.ReadAllText(wrapperPath).Contains("Volatile.Write(ref *_doorbellVa, writePointer);", StringComparison.Ordinal), "DBL006 was not fixed:\n" + format.Output);

        var rebuild = Run("dotnet", $"build \"{project}\" -nologo -clp:NoSummary --no-incremental -p:UseSharedCompilation=false");
        Assert.True(rebuild.ExitCode == 0, "the fixed sample must build:\n" + rebuild.Output + "\n--- fixed source ---\n" + after);
        Assert.True(DoorbellWarnings(rebuild.Output).Length == 0, "the fixed sample still has DBL diagnostics:\n" + rebuild.Output + "\n--- fixed source ---\n" + after);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file for a moment; the temp folder is not ours to keep clean at any cost.
        }
    }

    private static string[] DoorbellWarnings(string buildOutput) =>
        Regex.Matches(buildOutput, @"\b(DBL00\d|AD0001)\b").Select(m => m.Value).Distinct().ToArray();

    private string CopyFixture()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "FormatFixture");
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        // The assemblies this test project was built against are the ones under test.
        var template = Path.Combine(_folder, "FormatSample.csproj.template");
        var project = Path.Combine(_folder, "FormatSample.csproj");
        File.WriteAllText(project, File.ReadAllText(template)
            .Replace("@RUNTIME@", typeof(Doorbell).Assembly.Location, StringComparison.Ordinal)
            .Replace("@ANALYZERS@", typeof(DiagnosticIds).Assembly.Location, StringComparison.Ordinal)
            .Replace("@CODEFIXES@", typeof(CheckStatusAndRetryCodeFixProvider).Assembly.Location, StringComparison.Ordinal));
        File.Delete(template);

        // Keep the repository's build settings (central package management, warnings as errors) out of the sample.
        File.WriteAllText(Path.Combine(_folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_folder, "Directory.Packages.props"), "<Project />");
        return project;
    }

    private (int ExitCode, string Output) Run(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {CommandTimeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

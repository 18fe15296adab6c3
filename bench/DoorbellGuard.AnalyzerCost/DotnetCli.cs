using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>Runs the dotnet CLI the way the real build needs it: English messages, every line of output kept in a log.</summary>
internal static class DotnetCli
{
    /// <summary>Runs the dotnet CLI with its output (stdout and stderr, interleaved as printed) in <paramref name="logPath"/>.</summary>
    public static async Task<(int ExitCode, string LogPath)> RunAsync(IEnumerable<string> arguments, string logPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(logPath)!,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // English messages, so that the report's lines read as the parser expects.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start `dotnet`.");
        await using var log = new StreamWriter(logPath);
        var gate = new object();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Only the build we started: a compiler server it reached may serve other builds on this machine.
            process.Kill();
            throw;
        }
        // WaitForExitAsync returns once the output streams are drained too.
        return (process.ExitCode, logPath);
    }
}

using System.Linq;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// The retry fix's output for one ring, written in the user's vocabulary, so a test states only what differs:
/// the ring, the read, the connect and notify, the status type and its members, the exception thrown on abort.
/// </summary>
internal sealed record ExpectedLoop(string Ring, string Read, string Connect, string Notify)
{
    public string Doorbell { get; init; } = "d";

    public string Status { get; init; } = "status";

    public string StatusType { get; init; } = "DoorbellStatus";

    public string Retry { get; init; } = "DoorbellStatus.DisconnectedRetry";

    public string Abort { get; init; } = "DoorbellStatus.DisconnectedAbort";

    public string Notified { get; init; } = "DoorbellStatus.ConnectedNotify";

    public string Exception { get; init; } = "DoorbellAbortedException";

    /// <summary>The loop and both checks, each line indented by <paramref name="depth"/> levels of four spaces.</summary>
    public string At(int depth)
    {
        var text = $$"""
            {{StatusType}} {{Status}};
            do
            {
                {{Ring}}
                {{Status}} = {{Read}};
                if ({{Status}} == {{Retry}})
                {
                    {{Connect}};
                }
            }
            while ({{Status}} == {{Retry}});
            if ({{Status}} == {{Abort}})
            {
                throw new {{Exception}}("The device behind doorbell '{{Doorbell}}' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
            }

            if ({{Status}} == {{Notified}})
            {
                {{Notify}};
            }
            """;
        var indent = new string(' ', depth * 4);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indent + line));
    }
}

using System.Threading.Tasks;
using Xunit;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// A compilation that declares the raw D3DKMT structures reads integer tests as possible status tests; an integer
/// computed from the status there is still a derived value, not a status word (found when the two features met).
/// </summary>
public class RawAndDerivedTests
{
    private const string RawStructure = """

        public struct D3DKMT_CREATE_DOORBELL { public System.IntPtr DoorbellCPUVirtualAddress; public System.IntPtr DoorbellStatusCPUVirtualAddress; public uint hDoorbell; }
        """;

    private const string ByNumber = """
        using DoorbellGuard;
        public sealed class Submitter
        {
            private readonly Doorbell _doorbell = null!;
            public bool Submit(ulong wp)
            {
                while (true)
                {
                    {|#0:_doorbell.Ring(wp)|};
                    var status = _doorbell.ReadStatus();
                    int action = status == DoorbellStatus.DisconnectedRetry ? 1 : status == DoorbellStatus.DisconnectedAbort ? 2 : 0;
                    switch (action) { case 1: RECONNECT continue; case 2: return false; }
                    if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
                    return true;
                }
            }
        }
        """;

    [Fact]
    public async Task An_integer_derived_from_the_status_narrows_it_beside_raw_structures() =>
        await DerivedValueTests.VerifyAsync(Clean(ByNumber.Replace("RECONNECT", "_doorbell.Connect();")) + RawStructure);

    [Fact]
    public async Task An_integer_derived_from_the_status_still_finds_the_missing_reconnect_beside_raw_structures() =>
        await DerivedValueTests.VerifyAsync(ByNumber.Replace("RECONNECT", "") + RawStructure, Expect.Retry(0, "_doorbell"));

    private static string Clean(string source) => source.Replace("{|#0:", "").Replace("|}", "");
}

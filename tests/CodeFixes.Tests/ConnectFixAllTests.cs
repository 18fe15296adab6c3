using System.Linq;
using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.ConnectBeforeFirstRingCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

public class ConnectFixAllTests
{
    [Fact]
    public async Task Assigned_doorbell_rung_in_two_branches_gets_one_connect()
    {
        await VerifyCS.VerifyCodeFixAsync(
            $$"""
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value, bool twice)
                {
                    Doorbell d;
                    d = queue.CreateDoorbell();
                    if (twice)
                    {
            {{Submission("{|#0:d.Ring(value)|};")}}
                    }
                    else
                    {
            {{Submission("{|#1:d.Ring(value + 1)|};")}}
                    }
                }
            }
            """,
            VerifyCS.At(0, "d", RingBeforeConnect).Concat(VerifyCS.At(1, "d", RingBeforeConnect)).ToArray(),
            $$"""
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value, bool twice)
                {
                    Doorbell d;
                    d = queue.CreateDoorbell();
                    d.Connect();
                    if (twice)
                    {
            {{Submission("d.Ring(value);")}}
                    }
                    else
                    {
            {{Submission("d.Ring(value + 1);")}}
                    }
                }
            }
            """);
    }

    private static string Submission(string ring) => $$"""
                    DoorbellStatus status;
                    do
                    {
                        {{ring}}
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("lost");
                    }

                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
        """;
}

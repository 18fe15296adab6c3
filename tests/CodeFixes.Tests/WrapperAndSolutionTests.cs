using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using RetryCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;
using ConfirmCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.UseRingAndConfirmCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

public class WrapperAndSolutionTests
{
    private const string Vendor = """
        using DoorbellGuard;

        static class Vendor
        {
            [DoorbellRing]
            public static void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);
        }

        """;

    [Fact]
    public async Task A_user_wrapper_ring_goes_into_the_loop_and_its_argument_is_hoisted()
    {
        await RetryCS.VerifyCodeFixAsync(
            Vendor + """
            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    {|#0:Vendor.Kick(d, value + 1)|};
                }
            }
            """,
            RetryCS.At(0, "d", RingWithoutStatusRead),
            Vendor + """
            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    var writePointer = value + 1;
                    DoorbellStatus status;
                    do
                    {
                        Vendor.Kick(d, writePointer);
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task RingAndConfirm_is_not_offered_for_a_user_wrapper()
    {
        // A wrapper may do more than ring; replacing it by RingAndConfirm would drop that.
        await ConfirmCS.VerifyNoFixAsync(
            Vendor + """
            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    {|#0:Vendor.Kick(d, value)|};
                }
            }
            """,
            ConfirmCS.At(0, "d", RingWithoutStatusRead));
    }

    [Fact]
    public async Task Fix_all_in_solution_fixes_every_document()
    {
        var test = new RetryCS.Test();
        test.TestState.Sources.Add(("First.cs", Source("First", "{|#0:d.Ring(value)|};")));
        test.TestState.Sources.Add(("Second.cs", Source("Second", "{|#1:d.Ring(value)|};")));
        test.ExpectedDiagnostics.AddRange(RetryCS.At(0, "d", RingWithoutStatusRead).Concat(RetryCS.At(1, "d", RingWithoutStatusRead)));
        test.FixedState.Sources.Add(("First.cs", Source("First", Loop)));
        test.FixedState.Sources.Add(("Second.cs", Source("Second", Loop)));
        await test.RunAsync(CancellationToken.None);
    }

    private const string Loop = """
        DoorbellStatus status;
                do
                {
                    d.Ring(value);
                    status = d.ReadStatus();
                    if (status == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                    }
                }
                while (status == DoorbellStatus.DisconnectedRetry);
                if (status == DoorbellStatus.DisconnectedAbort)
                {
                    throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                }

                if (status == DoorbellStatus.ConnectedNotify)
                {
                    d.NotifyWorkSubmission();
                }
        """;

    private static string Source(string name, string body) => $$"""
        using DoorbellGuard;

        class {{name}}
        {
            public void Submit(Doorbell d, ulong value)
            {
                {{body}}
            }
        }
        """;
}

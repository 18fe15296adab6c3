using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.UseRingAndConfirmCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

public class UseRingAndConfirmTests
{
    [Fact]
    public async Task Ring_alone_becomes_RingAndConfirm()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    {|#0:d.Ring(value)|}; // kick the GPU
                }
            }
            """,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    d.RingAndConfirm(value); // kick the GPU
                }
            }
            """);
    }

    [Fact]
    public async Task Read_and_notify_are_folded_and_abort_handling_kept()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public bool Submit(Doorbell d, ulong value)
                {
                    {|#0:d.Ring(value)|};
                    var status = d.ReadStatus();
                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }

                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        return false;
                    }

                    return true;
                }
            }
            """,
            VerifyCS.At(0, "d", DisconnectNotRetried),
            """
            using DoorbellGuard;

            class Submitter
            {
                public bool Submit(Doorbell d, ulong value)
                {
                    var status = d.RingAndConfirm(value);

                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        return false;
                    }

                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Documented_loop_becomes_one_call()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    DoorbellStatus status;
                    do
                    {
                        {|#0:d.Ring(value)|};
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                }
            }
            """,
            VerifyCS.At(0, "d", NotifyNotCalled, AbortTreatedAsSuccess),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    d.RingAndConfirm(value);
                }
            }
            """);
    }

    [Fact]
    public async Task Expression_bodied_lambda()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using System;
            using DoorbellGuard;

            class Submitter
            {
                public Action<ulong> Kick(Doorbell d) => value => {|#0:d.Ring(value)|};
            }
            """,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            """
            using System;
            using DoorbellGuard;

            class Submitter
            {
                public Action<ulong> Kick(Doorbell d) => value =>
                {
                    d.RingAndConfirm(value);
                };
            }
            """);
    }

    [Fact]
    public async Task Documented_loop_becomes_the_initializer_of_a_status_still_read()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    DoorbellStatus status;
                    do
                    {
                        {|#0:d.Ring(value)|};
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                            d.Connect();
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    // The caller wants to know.
                    if (status == DoorbellStatus.DisconnectedAbort)
                        throw new DoorbellAbortedException("device lost");
                }
            }
            """,
            VerifyCS.At(0, "d", NotifyNotCalled),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    DoorbellStatus status = d.RingAndConfirm(value);
                    // The caller wants to know.
                    if (status == DoorbellStatus.DisconnectedAbort)
                        throw new DoorbellAbortedException("device lost");
                }
            }
            """);
    }
}

using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using ConnectCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.ConnectBeforeFirstRingCodeFixProvider>;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>At a call that hands the status back: the missing answers after the call, in the user's names.</summary>
public class HandedBackStatusFixTests
{
    [Fact]
    public async Task A_status_handed_back_and_only_notified_gets_the_retry_loop_and_the_abort_check()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d, ulong tail)
                {
                    var result = {|#0:RingAndRead(d, tail)|};
                    if (result == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }

                private static DoorbellStatus RingAndRead(Doorbell d, ulong wp)
                {
                    d.Ring(wp);
                    return d.ReadStatus();
                }
            }
            """,
            VerifyCS.At(0, "d", DisconnectNotRetried, AbortTreatedAsSuccess),
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d, ulong tail)
                {
                    var result = RingAndRead(d, tail);
                    while (result == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        result = RingAndRead(d, tail);
                    }

                    if (result == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (result == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }

                private static DoorbellStatus RingAndRead(Doorbell d, ulong wp)
                {
                    d.Ring(wp);
                    return d.ReadStatus();
                }
            }
            """);
    }

    [Fact]
    public async Task A_users_own_retry_loop_is_kept_and_the_checks_go_after_it()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            public sealed class Engine
            {
                public DoorbellStatus Kick(Doorbell d, ulong tail)
                {
                    d.Ring(tail);
                    return d.ReadStatus();
                }
            }

            public sealed class Submitter
            {
                public void Submit(Engine engine, Doorbell d, ulong tail)
                {
                    var status = {|#0:engine.Kick(d, tail)|};
                    while (status == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        status = {|#1:engine.Kick(d, tail)|};
                    }
                }
            }
            """,
            [.. VerifyCS.At(0, "d", NotifyNotCalled, AbortTreatedAsSuccess), .. VerifyCS.At(1, "d", NotifyNotCalled, AbortTreatedAsSuccess)],
            """
            using DoorbellGuard;

            public sealed class Engine
            {
                public DoorbellStatus Kick(Doorbell d, ulong tail)
                {
                    d.Ring(tail);
                    return d.ReadStatus();
                }
            }

            public sealed class Submitter
            {
                public void Submit(Engine engine, Doorbell d, ulong tail)
                {
                    var status = engine.Kick(d, tail);
                    while (status == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        status = engine.Kick(d, tail);
                    }

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
}

using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using ConnectCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.ConnectBeforeFirstRingCodeFixProvider>;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>A fix at every finding a helper yields: at the call that leaves the read to its caller, and before it for DBL005.</summary>
public class HelperFindingFixTests
{
    private const string Loop = """
                DoorbellStatus status;
                do
                {
                    CALL;
                    status = DOORBELL.ReadStatus();
                    if (status == DoorbellStatus.DisconnectedRetry)
                    {
                        DOORBELL.Connect();
                    }
                }
                while (status == DoorbellStatus.DisconnectedRetry);
                if (status == DoorbellStatus.DisconnectedAbort)
                {
                    throw new DoorbellAbortedException("The device behind doorbell 'DOORBELL' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                }

                if (status == DoorbellStatus.ConnectedNotify)
                {
                    DOORBELL.NotifyWorkSubmission();
                }
        """;

    private static string LoopAround(string call, string doorbell) => Loop.Replace("CALL", call).Replace("DOORBELL", doorbell);

    [Fact]
    public async Task A_call_that_leaves_the_read_to_the_caller_goes_into_the_documented_loop()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d)
                {
                    {|#0:Kick(d, 1)|};
                }

                private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            }
            """,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d)
                {
            LOOP
                }

                private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            }
            """.Replace("LOOP", LoopAround("Kick(d, 1)", "d")));
    }

    [Fact]
    public async Task A_helper_on_this_that_rings_a_field_gets_the_loop_on_that_field_in_pointer_code()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            unsafe sealed class Queue
            {
                private readonly Doorbell _doorbell = null!;
                private ulong* _ring;
                private ulong _tail;

                public void Submit(ulong packet)
                {
                    _ring[_tail++ & 255] = packet;
                    {|#0:Publish()|};
                }

                private void Publish() => _doorbell.Ring(_tail);
            }
            """,
            VerifyCS.At(0, "_doorbell", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            unsafe sealed class Queue
            {
                private readonly Doorbell _doorbell = null!;
                private ulong* _ring;
                private ulong _tail;

                public void Submit(ulong packet)
                {
                    _ring[_tail++ & 255] = packet;
            LOOP
                }

                private void Publish() => _doorbell.Ring(_tail);
            }
            """.Replace("LOOP", LoopAround("Publish()", "_doorbell")));
    }

    [Fact]
    public async Task A_caller_that_reads_after_the_call_keeps_its_read_and_gets_the_missing_answers()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d)
                {
                    {|#0:Kick(d, 1)|};
                    var state = d.ReadStatus();
                    if (state == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }

                private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            }
            """,
            VerifyCS.At(0, "d", DisconnectNotRetried, AbortTreatedAsSuccess),
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d)
                {
                    DoorbellStatus state;
                    do
                    {
                        Kick(d, 1);
                        state = d.ReadStatus();
                        if (state == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (state == DoorbellStatus.DisconnectedRetry);
                    if (state == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (state == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }

                private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            }
            """);
    }

    [Fact]
    public async Task DBL005_through_a_helper_that_rings_connects_before_the_call()
    {
        await ConnectCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Setup
            {
                public void Start(HardwareQueue queue)
                {
                    var d = queue.CreateDoorbell();
                    {|#0:Kick(d)|};
                }

                private static void Kick(Doorbell d) { d.Ring(1); Handle(d.ReadStatus()); }

                private static extern void Handle(DoorbellStatus status);
            }
            """,
            ConnectCS.At(0, "d", RingBeforeConnect),
            """
            using DoorbellGuard;

            sealed class Setup
            {
                public void Start(HardwareQueue queue)
                {
                    var d = queue.CreateDoorbell();
                    d.Connect();
                    Kick(d);
                }

                private static void Kick(Doorbell d) { d.Ring(1); Handle(d.ReadStatus()); }

                private static extern void Handle(DoorbellStatus status);
            }
            """);
    }

    [Fact]
    public async Task DBL005_through_a_factory_connects_after_the_factory_call()
    {
        await ConnectCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Setup
            {
                public void Start(HardwareQueue queue)
                {
                    var d = Make(queue);
                    {|#0:d.Ring(1)|};
                    Handle(d.ReadStatus());
                }

                private static Doorbell Make(HardwareQueue queue) => queue.CreateDoorbell();

                private static extern void Handle(DoorbellStatus status);
            }
            """,
            ConnectCS.At(0, "d", RingBeforeConnect),
            """
            using DoorbellGuard;

            sealed class Setup
            {
                public void Start(HardwareQueue queue)
                {
                    var d = Make(queue);
                    d.Connect();
                    d.Ring(1);
                    Handle(d.ReadStatus());
                }

                private static Doorbell Make(HardwareQueue queue) => queue.CreateDoorbell();

                private static extern void Handle(DoorbellStatus status);
            }
            """);
    }

    [Fact]
    public async Task A_helper_that_answers_for_its_own_ring_gets_the_usual_fix_there()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d) => Publish(d);

                private static void Publish(Doorbell d)
                {
                    {|#0:d.Ring(1)|};
                    var status = d.ReadStatus();
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("lost");
                    }

                    if (status == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        d.RingAndConfirm(1);
                    }
                }
            }
            """,
            VerifyCS.At(0, "d", NotifyNotCalled),
            """
            using DoorbellGuard;

            sealed class Queue
            {
                public void Submit(Doorbell d) => Publish(d);

                private static void Publish(Doorbell d)
                {
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(1);
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }

                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("lost");
                    }
                }
            }
            """);
    }
}

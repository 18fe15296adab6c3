using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// Who answers for a helper's ring, one shape at a time: a helper that leaves the read to its caller (the call
/// reports), one that reads the status and keeps it (its own ring reports, its calls as additional locations), one that
/// hands the status back (the call reports), a public one that hands it back (its callers are checked too).
/// </summary>
public class HelperAnswersTests
{
    private static DiagnosticResult WithPlaces(DiagnosticDescriptor rule, string clause, params int[] locations)
    {
        var result = new DiagnosticResult(rule.Id, rule.DefaultSeverity)
            .WithMessage(string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat.ToString(), "d") + clause);
        foreach (var location in locations)
            result = result.WithLocation(location);
        return result;
    }

    [Fact]
    public async Task A_private_helper_that_only_rings_leaves_the_read_to_the_call()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Lost(Doorbell d) { {|#0:Kick(d, 1)|}; }
                public void Done(Doorbell d)
                {
                    Kick(d, 2);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.RingAndConfirm(2); return; }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                }
                private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            }
            """, Expect.NoRead(0));
    }

    [Fact]
    public async Task A_private_helper_that_reads_and_keeps_the_status_answers_at_its_own_ring()
    {
        // The helper reads and drops ConnectedNotify: its body reports, the calls (which have no status) stay silent.
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void First(Doorbell d) => {|#1:Submit(d, 1)|};
                public void Second(Doorbell d) { {|#2:Submit(d, 2)|}; d.ReadStatus(); }
                private static void Submit(Doorbell d, ulong wp)
                {
                    {|#0:d.Ring(wp)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if ({|#4:s == DoorbellStatus.DisconnectedRetry|}) { d.Connect(); d.RingAndConfirm(wp); }
                {|#3:}|}
            }
            """, WithPlaces(Descriptors.NotifyNotCalled, " (the status gets through the test at line 11, and the path leaves at line 12)", 0, 4, 3, 1, 2));
    }

    [Fact]
    public async Task A_private_helper_that_reads_and_handles_every_status_is_clean_and_so_are_its_calls()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void First(Doorbell d) => Submit(d, 1);
                private static void Submit(Doorbell d, ulong wp)
                {
                    d.Ring(wp);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.RingAndConfirm(wp); }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                }
            }
            """);
    }

    [Fact]
    public async Task A_static_local_function_that_reads_and_mishandles_is_reported_in_its_body_not_at_its_call()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            static class Flush
            {
                public static void Run(Doorbell doorbell, ulong[] tails)
                {
                    foreach (var tail in tails)
                        Kick(doorbell, tail);

                    static void Kick(Doorbell d, ulong wp)
                    {
                        {|#0:d.Ring(wp)|};
                        if (d.ReadStatus() == DoorbellStatus.ConnectedNotify)
                            d.NotifyWorkSubmission();
                    }
                }
            }
            """, Expect.Retry(0), Expect.Abort(0));
    }

    [Fact]
    public async Task A_static_local_function_that_reads_and_handles_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            static class Flush
            {
                public static void Run(Doorbell doorbell, ulong[] tails)
                {
                    foreach (var tail in tails)
                        Kick(doorbell, tail);

                    static void Kick(Doorbell d, ulong wp)
                    {
                        d.Ring(wp);
                        switch (d.ReadStatus())
                        {
                            case DoorbellStatus.ConnectedNotify: d.NotifyWorkSubmission(); break;
                            case DoorbellStatus.DisconnectedRetry: d.Connect(); d.RingAndConfirm(wp); break;
                            case DoorbellStatus.DisconnectedAbort: throw new DoorbellAbortedException("lost");
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_helper_that_only_rings_and_a_caller_that_mishandles_its_own_read_reports_at_the_call()
    {
        // The status was read by the caller, not by the helper: the caller answers for it.
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Submit(Doorbell d)
                {
                    {|#0:Kick(d, 1)|};
                    if (d.ReadStatus() == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                }
                private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            }
            """, Expect.Retry(0), Expect.Abort(0));
    }

    [Fact]
    public async Task A_read_only_helper_that_mishandles_the_callers_ring_is_reported_at_the_callers_ring()
    {
        // The helper has no ring to report at: the ring is the caller's, and so is the finding.
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Submit(Doorbell d) { {|#0:d.Ring(1)|}; Confirm(d); }
                private static void Confirm(Doorbell d)
                {
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.RingAndConfirm(1); }
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                }
            }
            """, Expect.Notify(0));
    }

    [Fact]
    public async Task A_helper_that_returns_the_status_leaves_it_to_the_call()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Lost(Doorbell d)
                {
                    var s = {|#0:RingAndRead(d, 1)|};
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                }
                public void Done(Doorbell d)
                {
                    var s = RingAndRead(d, 1);
                    while (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); s = RingAndRead(d, 1); }
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                }
                private static DoorbellStatus RingAndRead(Doorbell d, ulong wp)
                {
                    d.Ring(wp);
                    return d.ReadStatus();
                }
            }
            """, Expect.Retry(0), Expect.Abort(0));
    }

    [Fact]
    public async Task A_public_helper_that_returns_the_status_has_its_callers_checked_and_stays_silent()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            public sealed class Engine
            {
                public DoorbellStatus RingAndRead(Doorbell d, ulong wp)
                {
                    d.Ring(wp);
                    return d.ReadStatus();
                }
            }
            public sealed class Submitter
            {
                public void Lost(Engine engine, Doorbell d) => {|#0:engine.RingAndRead(d, 1)|};
                public void Done(Engine engine, Doorbell d)
                {
                    var s = engine.RingAndRead(d, 1);
                    while (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); s = engine.RingAndRead(d, 1); }
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                }
            }
            """, Expect.Retry(0), Expect.Notify(0), Expect.Abort(0));
    }

    [Fact]
    public async Task A_public_void_helper_answers_for_its_ring_in_its_body_and_its_callers_say_nothing()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            public sealed class Engine
            {
                public void Submit(Doorbell d, ulong wp)
                {
                    {|#0:d.Ring(wp)|};
                    if (d.ReadStatus() == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                }
            }
            public sealed class Submitter
            {
                public void Run(Engine engine, Doorbell d) => engine.Submit(d, 1);
            }
            """, Expect.Retry(0), Expect.Notify(0));
    }

    [Fact]
    public async Task A_helper_that_keeps_its_status_is_reported_once_in_pointer_code_too()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            unsafe sealed class Ring
            {
                private ulong* _slots;
                private ulong _wp;
                public void Push(Doorbell d, ulong packet) { _slots[_wp++ & 255] = packet; Publish(d); }
                public void PushTwo(Doorbell d, ulong a, ulong b) { *(_slots + (_wp++ & 255)) = a; _slots[_wp++ & 255] = b; Publish(d); }
                private void Publish(Doorbell d)
                {
                    {|#0:d.Ring(_wp)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                }
            }
            """, Expect.Retry(0));
    }
}

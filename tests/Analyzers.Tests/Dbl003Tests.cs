using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>DBL003: ConnectedNotify needs NotifyWorkSubmission.</summary>
public class Dbl003Tests
{
    [Fact]
    public async Task Notify_case_not_handled_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        return M(d, v);
                    }
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.Notify(0));
    }

    [Fact]
    public async Task Notify_under_the_wrong_condition_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.Connected)
                        d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        return M(d, v);
                    }
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.Notify(0));
    }

    [Fact]
    public async Task Notify_for_every_connected_status_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission(); // costs a kernel call when not needed, but handles the case
                        return true;
                    }
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        return M(d, v);
                    }
                    return false;
                }
            }
            """);
    }

    [Fact]
    public async Task Ring_again_before_notifying_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, IEnumerable<ulong> values)
                {
                    foreach (var v in values)
                    {
                        {|#0:d.Ring(v)|};
                        var s = d.ReadStatus();
                        if (s == DoorbellStatus.DisconnectedAbort) return false;
                        if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.RingAndConfirm(v); }
                    }
                    return true;
                }
            }
            """,
            Expect.Notify(0));
    }

    [Fact]
    public async Task Re_ring_in_a_retry_loop_is_judged_like_the_first()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    while (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        {|#0:d.Ring(v)|};
                        s = d.ReadStatus();
                    }
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.Notify(0));
    }

    [Fact]
    public async Task Notify_wrapper_through_attribute_counts()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            static class Kmd
            {
                [DoorbellNotify]
                public static void Tell(Doorbell d) => d.NotifyWorkSubmission();
            }
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    switch (d.ReadStatus())
                    {
                        case DoorbellStatus.ConnectedNotify: Kmd.Tell(d); return true;
                        case DoorbellStatus.DisconnectedRetry: d.Connect(); return M(d, v);
                        case DoorbellStatus.DisconnectedAbort: return false;
                        default: return true;
                    }
                }
            }
            """);
    }
}

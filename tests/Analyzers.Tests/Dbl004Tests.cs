using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>DBL004: DisconnectedAbort must be separated by some branch before the end or the next ring.</summary>
public class Dbl004Tests
{
    [Fact]
    public async Task Loop_exit_of_while_retry_does_not_separate_abort()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    while (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        {|#1:d.Ring(v)|};
                        s = d.ReadStatus();
                    }
                    if (s == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                }
            }
            """,
            Expect.Abort(0), Expect.Abort(1));
    }

    private const string RetryLoopThen = """
        using DoorbellGuard;
        class C
        {
            bool _lost;

            void M(Doorbell d, ulong v)
            {
                DoorbellStatus s;
                do
                {
                    {|#0:d.Ring(v)|};
                    s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry)
                        d.Connect();
                }
                while (s == DoorbellStatus.DisconnectedRetry);
                ABORT
                if (s == DoorbellStatus.ConnectedNotify)
                    d.NotifyWorkSubmission();
            }
        }
        """;

    [Fact]
    public async Task A_bare_return_on_abort_in_a_void_method_tells_nobody()
    {
        // The branch reaches no code of its own: the caller cannot tell the work was lost.
        await VerifyCS.VerifyAnalyzerAsync(
            RetryLoopThen.Replace("ABORT", "if (s == DoorbellStatus.DisconnectedAbort) return;"),
            Expect.Abort(0));
    }

    [Theory]
    [InlineData("lock (_gate)")]
    [InlineData("lock (this)")]
    [InlineData("using (new System.IO.MemoryStream())")]
    [InlineData("try")]
    public async Task A_bare_return_on_abort_inside_a_lock_or_using_tells_nobody_either(string scope)
    {
        // The return leaves through the finally that releases the lock: that is no handling of the abort.
        var source = """
            using DoorbellGuard;
            class C
            {
                private readonly object _gate = new();

                void M(Doorbell d, ulong v)
                {
                    SCOPE
                    {
                        {|#0:d.Ring(v)|};
                        var s = d.ReadStatus();
                        if (s == DoorbellStatus.DisconnectedAbort) return;
                        if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                        if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); M(d, v); }
                    }
                    FINALLY
                }
            }
            """.Replace("SCOPE", scope).Replace("FINALLY", scope == "try" ? "finally { System.Console.WriteLine(); }" : "");
        await VerifyCS.VerifyAnalyzerAsync(source, Expect.Abort(0));
    }

    [Fact]
    public async Task A_returned_comparison_separates_abort_from_the_statuses_that_can_still_arrive()
    {
        // ConnectedNotify and retry have left: only Connected and abort reach the return, and the value tells them apart.
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            static class Submission
            {
                public static bool Submit(Doorbell doorbell, ulong tail)
                {
                    doorbell.Ring(tail);
                    var status = doorbell.ReadStatus();
                    if (status == DoorbellStatus.ConnectedNotify) { doorbell.NotifyWorkSubmission(); return true; }
                    if (status == DoorbellStatus.DisconnectedRetry) { doorbell.Connect(); return Submit(doorbell, tail); }
                    return status == DoorbellStatus.Connected;
                }
            }
            """);
    }

    [Fact]
    public async Task A_return_after_recording_the_abort_separates_it()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            RetryLoopThen.Replace("{|#0:d.Ring(v)|}", "d.Ring(v)").Replace("ABORT", "if (s == DoorbellStatus.DisconnectedAbort) { _lost = true; return; }"));
    }

    [Fact]
    public async Task Default_arm_shared_with_connected_does_not_separate_abort()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    switch (d.ReadStatus())
                    {
                        case DoorbellStatus.ConnectedNotify:
                            d.NotifyWorkSubmission();
                            break;
                        case DoorbellStatus.DisconnectedRetry:
                            d.Connect();
                            M(d, v);
                            break;
                        case DoorbellStatus.Connected:
                        default:
                            break;
                    }
                }
            }
            """,
            Expect.Abort(0));
    }

    [Fact]
    public async Task Not_connected_branch_that_merges_back_does_not_separate_abort()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s != DoorbellStatus.Connected)
                        System.Console.WriteLine("not connected");
                    if (s == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        M(d, v);
                    }
                }
            }
            """,
            Expect.Abort(0));
    }

    [Fact]
    public async Task Abort_arm_of_a_switch_separates_whatever_it_does()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private bool _fallback;

                void M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    switch (d.ReadStatus())
                    {
                        case DoorbellStatus.ConnectedNotify:
                            d.NotifyWorkSubmission();
                            break;
                        case DoorbellStatus.DisconnectedRetry:
                            d.Connect();
                            M(d, v);
                            break;
                        case DoorbellStatus.DisconnectedAbort:
                            _fallback = true;
                            break;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Is_not_connected_or_notify_separates_abort()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s is not (DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify))
                    {
                        if (s == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                            return M(d, v);
                        }
                        return false;
                    }
                    if (s == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Excluding_connected_and_notify_one_after_the_other_separates_abort()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.Connected)
                        return true;
                    if (s == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                        return true;
                    }
                    System.Console.WriteLine("the ring was lost"); // only Retry and Abort get here
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        return M(d, v);
                    }
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Ringing_again_after_a_possible_abort_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, IEnumerable<ulong> values)
                {
                    foreach (var v in values)
                    {
                        {|#0:d.Ring(v)|};
                        var s = d.ReadStatus();
                        if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                        if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.RingAndConfirm(v); }
                    }
                }
            }
            """,
            Expect.Abort(0));
    }

    [Fact]
    public async Task Connect_after_a_possible_abort_ends_that_path()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                    else if (s != DoorbellStatus.Connected)
                    {
                        d.Connect(); // throws on an aborted doorbell
                        M(d, v);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Throw_on_abort_is_handling()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort)
                        throw new DoorbellAbortedException("device lost: fall back to kernel submission");
                    if (s == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        M(d, v);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Returning_a_result_that_tells_abort_apart_is_handling()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool Good(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return Good(d, v); }
                    return s != DoorbellStatus.DisconnectedAbort;
                }

                bool Bad(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return Bad(d, v); }
                    return s is DoorbellStatus.Connected or DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.Abort(0));
    }

    [Fact]
    public async Task Switch_expression_sharing_abort_with_success_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return M(d, v); }
                    return s switch
                    {
                        DoorbellStatus.Connected or DoorbellStatus.DisconnectedAbort => true,
                        _ => true,
                    };
                }
            }
            """,
            Expect.Abort(0));
    }
}

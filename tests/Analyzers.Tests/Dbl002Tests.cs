using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>DBL002: DisconnectedRetry needs Connect and then another ring (loop, second ring or recursion).</summary>
public class Dbl002Tests
{
    [Fact]
    public async Task Retry_case_not_handled_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedAbort)
                        throw new DoorbellAbortedException("device lost");
                }
            }
            """,
            Expect.Retry(0));
    }

    [Fact]
    public async Task Connect_without_ringing_again_is_reported()
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
                            break;
                        case DoorbellStatus.DisconnectedAbort:
                            throw new DoorbellAbortedException("device lost");
                    }
                }
            }
            """,
            Expect.Retry(0));
    }

    [Fact]
    public async Task Ringing_again_without_connect_is_reported()
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
                        {|#1:d.Ring(v)|};
                        s = d.ReadStatus();
                    }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("device lost");
                }
            }
            """,
            Expect.Retry(0), Expect.Retry(1));
    }

    [Fact]
    public async Task Second_ring_after_connect_is_the_retry_and_needs_its_own_read()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) return false;
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        {|#0:d.Ring(v)|};
                    }
                    return true;
                }
            }
            """,
            Expect.NoRead(0));
    }

    [Fact]
    public async Task Recursive_call_with_the_same_doorbell_after_connect_is_the_retry()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _d = null!;

                bool Parameter(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        return Parameter(d, v);
                    }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return s != DoorbellStatus.DisconnectedAbort;
                }

                bool Field(ulong v)
                {
                    _d.Ring(v);
                    var s = _d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        _d.Connect();
                        return this.Field(v);
                    }
                    if (s == DoorbellStatus.ConnectedNotify) _d.NotifyWorkSubmission();
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """);
    }

    [Fact]
    public async Task Recursive_call_without_connect_is_reported()
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
                        return M(d, v);
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.Retry(0));
    }

    [Fact]
    public async Task Recursive_call_with_another_doorbell_is_no_retry()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, Doorbell spare, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        return M(spare, spare, v);
                    }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.Retry(0));
    }

    [Fact]
    public async Task Retry_loop_with_break_on_abort_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    while (true)
                    {
                        d.Ring(v);
                        var s = d.ReadStatus();
                        if (s == DoorbellStatus.Connected) return true;
                        if (s == DoorbellStatus.ConnectedNotify) { d.NotifyWorkSubmission(); return true; }
                        if (s == DoorbellStatus.DisconnectedAbort) break;
                        d.Connect();
                    }
                    return false;
                }
            }
            """);
    }

    [Fact]
    public async Task Retry_inside_try_with_connect_failure_caught()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    try
                    {
                        while (s == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                            d.Ring(v);
                            s = d.ReadStatus();
                        }
                    }
                    catch (DoorbellException)
                    {
                        return false;
                    }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return s is not DoorbellStatus.DisconnectedAbort;
                }
            }
            """);
    }
}

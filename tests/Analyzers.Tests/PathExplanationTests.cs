using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// Each diagnostic names the offending path: where it leaves the method (the return, the closing brace, the yield
/// break) or the ring it reaches next, and for DBL002-DBL004 the test that let the status through; the message says the
/// lines and the same places are the diagnostic's additional locations.
/// </summary>
public class PathExplanationTests
{
    private static DiagnosticResult Explained(DiagnosticDescriptor rule, string clause, params int[] locations)
    {
        var result = new DiagnosticResult(rule.Id, rule.DefaultSeverity)
            .WithMessage(string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat.ToString(), "d") + clause);
        foreach (var location in locations)
            result = result.WithLocation(location);
        return result;
    }

    [Fact]
    public async Task A_ring_left_unread_names_the_return_it_leaves_through()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                int M(Doorbell d, bool early)
                {
                    {|#0:d.Ring(1)|};
                    if (early)
                        {|#1:return 0;|}
                    d.ReadStatus();
                    {|#2:return 1;|}
                }
            }
            """,
            Explained(Descriptors.RingWithoutStatusRead, " (the path leaves at line 8)", 0, 1),
            Explained(Descriptors.DisconnectNotRetried, " (the path leaves at line 10)", 0, 2),
            Explained(Descriptors.NotifyNotCalled, " (the path leaves at line 10)", 0, 2),
            Explained(Descriptors.AbortTreatedAsSuccess, " (the path leaves at line 10)", 0, 2));
    }

    [Fact]
    public async Task Falling_off_the_end_names_the_closing_brace()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    {|#0:d.Ring(1)|};
                {|#1:}|}
            }
            """,
            Explained(Descriptors.RingWithoutStatusRead, " (the path leaves at line 7)", 0, 1));
    }

    [Fact]
    public async Task The_loop_exit_that_lets_abort_through_is_named_with_where_the_path_leaves()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    d.Connect();
                    DoorbellStatus s;
                    do
                    {
                        {|#0:d.Ring(v)|};
                        s = d.ReadStatus();
                        if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                        else if (s == DoorbellStatus.DisconnectedRetry) d.Connect();
                    }
                    while ({|#1:s == DoorbellStatus.DisconnectedRetry|});
                {|#2:}|}
            }
            """,
            Explained(Descriptors.AbortTreatedAsSuccess, " (the status gets through the test at line 15, and the path leaves at line 16)", 0, 1, 2));
    }

    [Fact]
    public async Task An_abort_left_open_before_the_next_ring_names_the_last_test_it_passed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedRetry)
                        d.Connect();
                    else if ({|#1:s == DoorbellStatus.ConnectedNotify|})
                        d.NotifyWorkSubmission();
                    {|#2:d.Ring(v)|};
                    d.RingAndConfirm(v);
                }
            }
            """,
            Explained(Descriptors.AbortTreatedAsSuccess, " (the status gets through the test at line 10, before the ring at line 12)", 0, 1, 2));
    }

    [Fact]
    public async Task A_yield_break_is_where_an_iterator_leaves()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using DoorbellGuard;
            class C
            {
                IEnumerable<int> M(Doorbell d, bool stop)
                {
                    {|#0:d.Ring(1)|};
                    if (stop)
                        {|#1:yield break;|}
                    yield return (int)d.ReadStatus();
                }
            }
            """,
            Explained(Descriptors.RingWithoutStatusRead, " (the path leaves at line 9)", 0, 1));
    }

    [Fact]
    public async Task A_ring_again_without_handling_names_the_test_and_the_next_ring()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:d.Ring(v)|};
                    var s = d.ReadStatus();
                    if ({|#1:s == DoorbellStatus.ConnectedNotify|})
                        d.NotifyWorkSubmission();
                    {|#2:d.Ring(v)|};
                    d.RingAndConfirm(v);
                }
            }
            """,
            Explained(Descriptors.DisconnectNotRetried, " (the status gets through the test at line 8, before the ring at line 10)", 0, 1, 2),
            Explained(Descriptors.AbortTreatedAsSuccess, " (the status gets through the test at line 8, before the ring at line 10)", 0, 1, 2));
    }

    private const string StatusHandledElsewhere = """

        static class Status
        {
            public static extern void Handle(DoorbellStatus status);
        }
        """;

    [Fact]
    public async Task A_ring_before_connect_names_where_the_doorbell_was_created()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q)
                {
                    var d = {|#1:q.CreateDoorbell()|};
                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + StatusHandledElsewhere,
            Explained(Descriptors.RingBeforeConnect, " (the doorbell is created at line 6)", 0, 1));
    }

    [Fact]
    public async Task Of_two_creations_the_one_on_the_unconnected_path_is_named()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q, bool fast)
                {
                    Doorbell d;
                    if (fast)
                    {
                        d = q.CreateDoorbell();
                        d.Connect();
                    }
                    else
                    {
                        d = {|#1:q.CreateDoorbell()|};
                    }

                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + StatusHandledElsewhere,
            Explained(Descriptors.RingBeforeConnect, " (the doorbell is created at line 14)", 0, 1));
    }

    [Fact]
    public async Task A_catch_that_carries_on_after_a_failed_connect_names_the_creation()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q)
                {
                    var d = {|#1:q.CreateDoorbell()|};
                    try
                    {
                        d.Connect();
                    }
                    catch (DoorbellAbortedException)
                    {
                        System.Console.WriteLine("connect failed");
                    }

                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + StatusHandledElsewhere,
            Explained(Descriptors.RingBeforeConnect, " (the doorbell is created at line 6)", 0, 1));
    }
}

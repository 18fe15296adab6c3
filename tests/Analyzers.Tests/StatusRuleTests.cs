using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>Shared expectations for the status rules DBL002 to DBL004.</summary>
internal static class Expect
{
    public static DiagnosticResult Retry(int location, string doorbell = "d") =>
        VerifyCS.Diagnostic(Descriptors.DisconnectNotRetried).WithLocation(location).WithArguments(doorbell);

    public static DiagnosticResult Notify(int location, string doorbell = "d") =>
        VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(location).WithArguments(doorbell);

    public static DiagnosticResult Abort(int location, string doorbell = "d") =>
        VerifyCS.Diagnostic(Descriptors.AbortTreatedAsSuccess).WithLocation(location).WithArguments(doorbell);

    public static DiagnosticResult NoRead(int location, string doorbell = "d") =>
        VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(location).WithArguments(doorbell);

    public static DiagnosticResult BeforeConnect(int location, string doorbell = "d") =>
        VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(location).WithArguments(doorbell);
}

/// <summary>The documentation's own submission loop, and the readings of the issue that concern every status rule.</summary>
public class ProtocolShapeTests
{
    [Fact]
    public async Task The_documented_do_while_loop_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class Submitter
            {
                private ulong _fence;

                bool Submit(HardwareQueue queue, ulong writePointer)
                {
                    var doorbell = queue.CreateDoorbell();
                    try
                    {
                        doorbell.Connect();
                    }
                    catch (DoorbellException)
                    {
                        return false; // fallback: kernel-mode submission
                    }

                    DoorbellStatus status;
                    do
                    {
                        _fence++;                       // 1-2: pick and publish the progress fence value
                        writePointer += 64;             // 3: append the command buffer
                        doorbell.Ring(writePointer);    // 4: ring
                        status = doorbell.ReadStatus(); // 5: read the status
                        if (status == DoorbellStatus.ConnectedNotify)
                            doorbell.NotifyWorkSubmission();
                        else if (status == DoorbellStatus.DisconnectedRetry)
                            doorbell.Connect();
                    } while (status == DoorbellStatus.DisconnectedRetry);

                    if (status == DoorbellStatus.DisconnectedAbort)
                        return false; // fallback
                    return true;
                }
            }
            """);
    }

    [Theory]
    [InlineData("d.ReadStatus();")]
    [InlineData("_ = d.ReadStatus();")]
    public async Task Discarded_read_handles_nothing(string read)
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    {|#0:d.Ring(1)|};
                    READ
                }
            }
            """.Replace("READ", read),
            Expect.Retry(0), Expect.Notify(0), Expect.Abort(0));
    }

    [Fact]
    public async Task Every_status_handled_by_a_switch_with_recursion_as_the_retry_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void Submit(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    switch (d.ReadStatus())
                    {
                        case DoorbellStatus.Connected:
                            break;
                        case DoorbellStatus.ConnectedNotify:
                            d.NotifyWorkSubmission();
                            break;
                        case DoorbellStatus.DisconnectedRetry:
                            d.Connect();
                            Submit(d, v);
                            break;
                        case DoorbellStatus.DisconnectedAbort:
                            throw new DoorbellAbortedException("device lost");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Switch_expression_with_every_arm_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _d = null!;

                bool Submit(ulong v)
                {
                    _d.Ring(v);
                    var s = _d.ReadStatus();
                    if (s is DoorbellStatus.ConnectedNotify)
                        _d.NotifyWorkSubmission();
                    if (s is DoorbellStatus.DisconnectedRetry)
                    {
                        _d.Connect();
                        return Submit(v);
                    }
                    return s switch
                    {
                        DoorbellStatus.DisconnectedAbort => false,
                        _ => true,
                    };
                }
            }
            """);
    }

    [Fact]
    public async Task Status_held_in_a_local_and_tested_with_relational_patterns()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool Submit(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    if (s >= DoorbellStatus.DisconnectedRetry)
                    {
                        if (s is DoorbellStatus.DisconnectedAbort)
                            return false;
                        d.Connect();
                        return Submit(d, v);
                    }
                    if (s > DoorbellStatus.Connected)
                        d.NotifyWorkSubmission();
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Inline_conditions_on_the_read()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool Submit(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    while (d.ReadStatus() == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        d.Ring(v);
                    }
                    if (d.ReadStatus() is not (DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify))
                        return false;
                    if (d.ReadStatus() == DoorbellStatus.ConnectedNotify)
                        d.NotifyWorkSubmission();
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Status_assigned_in_a_loop_condition()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool Submit(Doorbell d, ulong v)
                {
                    DoorbellStatus s;
                    d.Ring(v);
                    while ((s = d.ReadStatus()) == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        d.Ring(v);
                    }
                    switch (s)
                    {
                        case DoorbellStatus.ConnectedNotify:
                            d.NotifyWorkSubmission();
                            return true;
                        case DoorbellStatus.DisconnectedAbort:
                            return false;
                        default:
                            return true;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Conditional_access_read_is_tracked_through_the_nullable_status()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell? d, ulong v)
                {
                    {|#0:d?.Ring(v)|};
                    switch (d?.ReadStatus())
                    {
                        case DoorbellStatus.ConnectedNotify:
                            d!.NotifyWorkSubmission();
                            break;
                        case DoorbellStatus.DisconnectedAbort:
                            throw new DoorbellAbortedException("device lost");
                    }
                }

                bool Fallback(Doorbell? d, ulong v)
                {
                    d?.Ring(v);
                    var s = d?.ReadStatus() ?? DoorbellStatus.DisconnectedAbort;
                    if (s == DoorbellStatus.DisconnectedAbort) return false;
                    if (s == DoorbellStatus.ConnectedNotify) d!.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry) { d!.Connect(); return Fallback(d, v); }
                    return true;
                }

                bool NoNotify(Doorbell? d, ulong v)
                {
                    {|#1:d?.Ring(v)|};
                    var s = d?.ReadStatus() ?? DoorbellStatus.DisconnectedAbort;
                    if (s == DoorbellStatus.DisconnectedAbort) return false;
                    if (s == DoorbellStatus.DisconnectedRetry) { d!.Connect(); return NoNotify(d, v); }
                    return true;
                }
            }
            """,
            Expect.Retry(0), Expect.Notify(1));
    }

    [Fact]
    public async Task Status_returned_to_the_caller_is_the_caller_s_responsibility()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                DoorbellStatus Ring(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    return d.ReadStatus();
                }

                DoorbellStatus Stored(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    return s;
                }
            }
            """);
    }

    [Fact]
    public async Task Status_read_of_the_wrong_doorbell_is_reported_on_the_rung_one()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell a, Doorbell b, ulong v)
                {
                    {|#0:a.Ring(v)|};
                    var s = b.ReadStatus();
                    if (s != DoorbellStatus.Connected)
                        return false;
                    return true;
                }
            }
            """,
            Expect.NoRead(0, "a"));
    }

    [Fact]
    public async Task Holder_reassigned_to_another_doorbell_s_status_does_not_handle_the_first()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell a, Doorbell b, ulong v)
                {
                    {|#0:a.Ring(v)|};
                    var s = a.ReadStatus();
                    b.Ring(v);
                    s = b.ReadStatus();
                    return s switch
                    {
                        DoorbellStatus.Connected => true,
                        DoorbellStatus.ConnectedNotify => Notify(b),
                        DoorbellStatus.DisconnectedRetry => Retry(b, v),
                        _ => false,
                    };
                }

                static bool Notify(Doorbell d) { d.NotifyWorkSubmission(); return true; }
                static bool Retry(Doorbell d, ulong v) => d.RingAndConfirm(v) == DoorbellStatus.Connected;
            }
            """,
            Expect.Retry(0, "a"), Expect.Notify(0, "a"), Expect.Abort(0, "a"));
    }
}

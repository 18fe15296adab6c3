using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>Two names for one doorbell: a copy into a local, a pattern variable, a using variable.</summary>
public class AliasTests
{
    private const string Handled = """
            if (status == DoorbellStatus.ConnectedNotify) READER.NotifyWorkSubmission();
            else if (status == DoorbellStatus.DisconnectedRetry) { READER.Connect(); M(d, v); }
            else if (status == DoorbellStatus.DisconnectedAbort) throw new DoorbellException("device lost");
        """;

    [Theory]
    [InlineData("var d2 = d;", "d2", "d")]
    [InlineData("var d2 = d;", "d", "d2")]
    [InlineData("Doorbell d2; d2 = d;", "d2", "d")]
    [InlineData("var holder = this; var d2 = holder._field;", "d2", "_field")]
    public async Task Ringing_through_one_name_and_reading_through_the_other_is_one_doorbell(string copy, string ringer, string reader)
    {
        var source = """
            using DoorbellGuard;
            class C
            {
                private Doorbell _field = null!;

                void M(Doorbell d, ulong v)
                {
                    COPY
                    RINGER.Ring(v);
                    var status = READER.ReadStatus();
            HANDLED
                }
            }
            """.Replace("HANDLED", Handled).Replace("COPY", copy).Replace("RINGER", ringer).Replace("READER", reader);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_copy_whose_status_is_not_read_is_reported_at_the_ring()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    var kick = d;
                    {|#0:kick.Ring(v)|};
                    d.Connect();
                }
            }
            """, VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("kick"));
    }

    [Fact]
    public async Task A_pattern_variable_names_what_the_field_holds()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private object? _handle;

                bool M(ulong v)
                {
                    if (_handle is not Doorbell d)
                        return false;
                    {|#0:d.Ring(v)|};
                    var status = ((Doorbell)_handle).ReadStatus();
                    if (status == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return status == DoorbellStatus.Connected;
                }
            }
            """, Expect.Retry(0), Expect.Abort(0));
    }

    [Fact]
    public async Task A_using_variable_and_its_copy_are_one_new_doorbell()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue queue, ulong v)
                {
                    using var doorbell = queue.CreateDoorbell();
                    var kick = doorbell;
                    {|#0:kick.Ring(v)|};
                    doorbell.Connect();
                    kick.RingAndConfirm(v); // reads the status: the first ring's obligation ends here, but it was lost all the same
                }
            }
            """,
            VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(0).WithArguments("kick"));
    }

    [Theory]
    [InlineData("d2 = other;")]
    [InlineData("d = other;")]
    public async Task After_either_name_is_reassigned_the_shared_doorbell_is_forgotten_not_reported(string reassignment)
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, Doorbell other, ulong v)
                {
                    var d2 = d;
                    d2.Ring(v);
                    REASSIGN
                    System.Console.WriteLine(d.ReadStatus());
                }
            }
            """.Replace("REASSIGN", reassignment));
    }

    [Fact]
    public async Task A_name_that_holds_either_of_two_doorbells_makes_both_escape()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell a, Doorbell b, bool first, ulong v)
                {
                    a.Ring(v);
                    var d = b;
                    if (first)
                        d = a;
                    System.Console.WriteLine(d.ReadStatus());
                }
            }
            """);
    }

    [Fact]
    public async Task A_copy_made_before_a_try_names_the_same_doorbell_in_its_catch()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    Doorbell rung = d;
                    try { Log(); }
                    catch (System.Exception) { {|#0:rung.Ring(v)|}; }
                }

                static extern void Log();
            }
            """, VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("rung"));
    }

    [Fact]
    public async Task A_copy_reassigned_inside_the_try_is_forgotten_in_its_catch()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, Doorbell other, ulong v)
                {
                    Doorbell rung = d;
                    try
                    {
                        Log();
                        rung = other;
                        Log();
                    }
                    catch (System.Exception)
                    {
                        rung.Ring(v);
                    }
                }

                static extern void Log();
            }
            """);
    }

    [Fact]
    public async Task A_helper_that_rings_a_copy_in_its_catch_is_summarised_without_failing()
    {
        // A helper's summary starts its catch blocks knowing what its copies name: the caller answers for the ring.
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, ulong v)
                {
                    {|#0:Retry(d, v)|};
                }

                private static void Retry(Doorbell d, ulong v)
                {
                    var rung = d;
                    try { Log(); }
                    catch (System.Exception) { rung.Ring(v); }
                }

                static extern void Log();
            }
            """, VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("d"));
    }
}

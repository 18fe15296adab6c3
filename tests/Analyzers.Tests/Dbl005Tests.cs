using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>DBL005: a doorbell created in the method is rung before Connect on some path.</summary>
public class Dbl005Tests
{
    private const string Helpers = """

        // Code elsewhere (extern: the analysis cannot see into it): what it is handed is its business.
        static class Status
        {
            public static extern void Handle(DoorbellStatus status);
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string doorbell) =>
        VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(location).WithArguments(doorbell);

    [Fact]
    public async Task Created_doorbell_rung_before_connect_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q)
                {
                    var d = q.CreateDoorbell();
                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task A_doorbell_created_in_every_arm_of_a_switch_expression_is_created()
    {
        await DerivedValueTests.VerifyAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue queue, int kind)
                {
                    var d = kind switch { 0 => queue.CreateDoorbell(), _ => queue.CreateDoorbell() };
                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task A_doorbell_created_in_a_switch_expression_and_connected_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue queue, int kind)
                {
                    var d = kind switch { 0 => queue.CreateDoorbell(), _ => queue.CreateDoorbell() };
                    d.Connect();
                    d.Ring(1);
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task A_doorbell_created_in_both_arms_of_a_conditional_in_pointer_code_is_created()
    {
        await DerivedValueTests.VerifyAsync("""
            using DoorbellGuard;
            unsafe class C
            {
                private ulong* _ring;
                void M(HardwareQueue queue, bool fast, ulong packet)
                {
                    var d = fast ? queue.CreateDoorbell() : queue.CreateDoorbell();
                    _ring[0] = packet;
                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task A_doorbell_created_on_one_side_of_a_coalesce_only_may_be_connected()
    {
        await DerivedValueTests.VerifyAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue queue, Doorbell? existing)
                {
                    var d = existing ?? queue.CreateDoorbell();
                    d.Ring(1);
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Connect_before_ring_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q)
                {
                    var d = q.CreateDoorbell(new DoorbellOptions { RequireSecondaryCpuVirtualAddress = true });
                    d.Connect();
                    d.Ring(1);
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Connect_on_one_path_only_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q, bool b)
                {
                    var d = q.CreateDoorbell();
                    if (b)
                        d.Connect();
                    {|#0:d.Ring(1)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Failed_connect_caught_and_returned_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(HardwareQueue q)
                {
                    var d = q.CreateDoorbell();
                    try
                    {
                        d.Connect();
                    }
                    catch (DoorbellException)
                    {
                        return false;
                    }
                    d.Ring(1);
                    Status.Handle(d.ReadStatus());
                    return true;
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Parameters_and_fields_may_be_rung_first()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _d = null!;

                void M(Doorbell d)
                {
                    d.Ring(1);
                    Status.Handle(d.ReadStatus());
                    _d.Ring(1);
                    Status.Handle(_d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Field_assigned_a_new_doorbell_in_the_method_counts_as_created()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _d = null!;

                void Reset(HardwareQueue q)
                {
                    _d = q.CreateDoorbell();
                    {|#0:this._d.Ring(1)|};
                    Status.Handle(_d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "this._d"));
    }

    [Fact]
    public async Task Doorbell_created_in_a_lambda_is_checked_in_the_lambda()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q)
                {
                    Action submit = () =>
                    {
                        var d = q.CreateDoorbell();
                        {|#0:d.Ring(1)|};
                        Status.Handle(d.ReadStatus());
                    };
                    Action captured = () => { var d = q.CreateDoorbell(); d.Connect(); d.Ring(1); Status.Handle(d.ReadStatus()); };
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Doorbell_created_outside_a_lambda_is_not_judged_inside_it()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellGuard;
            class C
            {
                Action M(HardwareQueue q)
                {
                    var d = q.CreateDoorbell();
                    return () => { d.Ring(1); Status.Handle(d.ReadStatus()); };
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Connect_only_from_the_second_iteration_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q, int n)
                {
                    var d = q.CreateDoorbell();
                    for (var i = 0; i < n; i++)
                    {
                        if (i > 0)
                            d.Connect(); // too late for the first iteration
                        {|#0:d.Ring((ulong)i)|};
                        Status.Handle(d.ReadStatus());
                    }
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Theory]
    [InlineData("catch (System.Exception e) { System.Console.WriteLine(e); }", true)]
    [InlineData("catch (System.Exception e) when (e is System.TimeoutException) { }", true)]
    [InlineData("catch (System.Exception) { return; }", false)]
    [InlineData("catch (System.Exception) { throw; }", false)]
    [InlineData("catch (System.Exception) { doorbell.Connect(); }", false)]
    public async Task A_catch_that_carries_on_after_a_failed_connect_rings_a_disconnected_doorbell(string handler, bool reported)
    {
        var source = """
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue queue, ulong v)
                {
                    var doorbell = queue.CreateDoorbell();
                    try
                    {
                        doorbell.Connect();
                    }
                    HANDLER
                    {|#0:doorbell.Ring(v)|};
                    doorbell.RingAndConfirm(v);
                }
            }
            """.Replace("HANDLER", handler);
        if (reported)
            await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(0).WithArguments("doorbell"));
        else
            await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:doorbell.Ring(v)|}", "doorbell.Ring(v)"));
    }
}

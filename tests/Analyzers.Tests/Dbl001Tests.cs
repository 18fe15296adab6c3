using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>DBL001: a ring not followed by a status read, on every shape of path the issue lists.</summary>
public class Dbl001Tests
{
    private const string Helpers = """

        // Code elsewhere (extern: the analysis cannot see into it): what it is handed is its business.
        static class Status
        {
            public static extern void Handle(DoorbellStatus status);
            public static extern void Work();
            public static extern void Log(object value);
            public static extern void Run(System.Action action);
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string doorbell) =>
        VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(location).WithArguments(doorbell);

    [Fact]
    public async Task Ring_without_read_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d) { {|#0:d.Ring(1)|}; }
            }
            """,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Full_protocol_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                bool M(Doorbell d, ulong v)
                {
                    d.Ring(v);
                    var s = d.ReadStatus();
                    while (s == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        d.Ring(v);
                        s = d.ReadStatus();
                    }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """);
    }

    [Fact]
    public async Task Read_on_one_branch_only_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, bool b)
                {
                    {|#0:d.Ring(1)|};
                    if (b)
                        Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Read_on_both_branches_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, bool b)
                {
                    d.Ring(1);
                    if (b)
                        Status.Handle(d.ReadStatus());
                    else
                        Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Early_return_between_ring_and_read_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, bool b)
                {
                    {|#0:d.Ring(1)|};
                    if (b) return;
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Read_in_finally_covers_every_exit_including_return_in_try()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, bool b)
                {
                    try
                    {
                        d.Ring(1);
                        if (b) return;
                        Status.Work();
                    }
                    finally
                    {
                        Status.Handle(d.ReadStatus());
                    }
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Return_inside_try_finally_is_a_normal_exit()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, bool b)
                {
                    try
                    {
                        {|#0:d.Ring(1)|};
                        if (b) return;
                        Status.Handle(d.ReadStatus());
                    }
                    finally
                    {
                        Status.Work();
                    }
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Catch_block_reached_only_by_throwing_owes_nothing()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    try
                    {
                        d.Ring(1);
                        Status.Work();
                    }
                    catch (InvalidOperationException)
                    {
                        Status.Log("failed");
                        return;
                    }
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Ring_inside_catch_block_is_checked()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    try
                    {
                        Status.Work();
                    }
                    catch (Exception)
                    {
                        {|#0:d.Ring(1)|};
                    }
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Throwing_path_owes_nothing()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, bool b)
                {
                    d.Ring(1);
                    if (b) throw new InvalidOperationException();
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Loops_ring_and_read_each_iteration_is_clean()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, IEnumerable<ulong> values, int n)
                {
                    for (var i = 0; i < n; i++)
                    {
                        d.Ring((ulong)i);
                        Status.Handle(d.ReadStatus());
                    }
                    foreach (var v in values)
                    {
                        d.Ring(v);
                        Status.Handle(d.ReadStatus());
                    }
                    var k = 0;
                    do
                    {
                        d.Ring(2);
                        Status.Handle(d.ReadStatus());
                    } while (++k < n);
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Ring_in_loop_without_read_is_reported_once()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, IEnumerable<ulong> values)
                {
                    foreach (var v in values)
                        {|#0:d.Ring(v)|};
                    Status.Work();
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Break_continue_and_goto_paths()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, int n)
                {
                    for (var i = 0; i < n; i++)
                    {
                        {|#0:d.Ring(1)|};
                        if (i == 3) break;
                        if (i == 4) continue; // the next iteration's ring and read cover this one
                        Status.Handle(d.ReadStatus());
                    }
                    goto done;
                done:
                    Status.Work();
                }

                void Goto(Doorbell d)
                {
                    d.Ring(2);
                    goto read;
                read:
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Conditional_access_ring_is_tracked()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void Bad(Doorbell? d) { {|#0:d?.Ring(1)|}; }
                void Good(Doorbell? d)
                {
                    d?.Ring(1);
                    if (d != null) Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Null_coalescing_doorbell_is_silent_when_ambiguous_and_tracked_once_stored()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void Ambiguous(Doorbell? a, Doorbell b) { (a ?? b).Ring(1); }
                void Stored(Doorbell? a, Doorbell b)
                {
                    var d = a ?? b;
                    {|#0:d.Ring(1)|};
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Using_statement_and_using_declaration()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(HardwareQueue q)
                {
                    using (var d = q.CreateDoorbell())
                    {
                        d.Connect();
                        {|#0:d.Ring(1)|};
                    }
                    using var e = q.CreateDoorbell();
                    e.Connect();
                    e.Ring(1);
                    Status.Handle(e.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Lambda_body_is_checked_on_its_own()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    Action bad = () => {|#0:d.Ring(1)|};
                    Action good = () => { d.Ring(1); Status.Handle(d.ReadStatus()); };
                    Func<ulong, int> expression = v => { d.Ring(v); Status.Handle(d.ReadStatus()); return 0; };
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Read_inside_lambda_or_local_function_called_later_is_not_a_false_positive()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void ViaLambda(Doorbell d)
                {
                    d.Ring(1);
                    Status.Run(() => Status.Handle(d.ReadStatus()));
                }

                void ViaLocalFunction(Doorbell d)
                {
                    d.Ring(1);
                    Check();
                    void Check() => Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task A_local_function_answers_for_what_it_captures_and_its_callers_for_what_they_hand_it()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    Submit(1);
                    void Submit(ulong v) { {|#0:d.Ring(v)|}; }
                    static void Kick(Doorbell e, ulong value) { e.Ring(value); }
                    {|#1:Kick(d, 3)|};
                }
            }
            """ + Helpers,
            Expected(0, "d"),
            Expected(1, "d"));
    }

    [Fact]
    public async Task Async_methods_and_iterators()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using DoorbellGuard;
            class C
            {
                async Task Good(Doorbell d)
                {
                    d.Ring(1);
                    await Task.Yield();
                    Status.Handle(d.ReadStatus());
                }

                async Task Bad(Doorbell d)
                {
                    {|#0:d.Ring(1)|};
                    await Task.Delay(1);
                }

                IEnumerable<int> Iterator(Doorbell d)
                {
                    {|#1:d.Ring(1)|};
                    yield return 1;
                }
            }
            """ + Helpers,
            Expected(0, "d"),
            Expected(1, "d"));
    }

    [Fact]
    public async Task Constructors_and_accessors()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private readonly Doorbell _d;

                C(Doorbell d)
                {
                    _d = d;
                    {|#0:_d.Ring(1)|};
                }

                ulong Tail
                {
                    set { {|#1:_d.Ring(value)|}; }
                }

                DoorbellStatus Submitted
                {
                    get
                    {
                        _d.Ring(3);
                        return _d.ReadStatus();
                    }
                }
            }
            """ + Helpers,
            Expected(0, "_d"),
            Expected(1, "_d"));
    }

    [Fact]
    public async Task Top_level_statements()
    {
        await VerifyCS.VerifyProgramAsync("""
            using DoorbellGuard;

            var queue = new HardwareQueue();
            var d = queue.CreateDoorbell();
            d.Connect();
            {|#0:d.Ring(1)|};
            """,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Same_doorbell_through_this_and_property_chains()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class Owner { public Doorbell Doorbell { get; } = null!; }
            class C
            {
                private Doorbell _d = null!;
                private Owner _queue = null!;

                void Field()
                {
                    _d.Ring(1);
                    Status.Handle(this._d.ReadStatus());
                }

                void Chain()
                {
                    this._queue.Doorbell.Ring(1);
                    Status.Handle(_queue.Doorbell.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Two_doorbells_reading_the_wrong_one_is_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _a = null!, _b = null!;

                void M()
                {
                    {|#0:_a.Ring(1)|};
                    Status.Handle(_b.ReadStatus());
                }

                void Locals(Doorbell first, Doorbell second)
                {
                    {|#1:first.Ring(1)|};
                    Status.Handle(second.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "_a"),
            Expected(1, "first"));
    }

    [Fact]
    public async Task Assigning_a_new_doorbell_between_ring_and_read_makes_it_a_different_one()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, Doorbell other)
                {
                    {|#0:d.Ring(1)|};
                    d = other;
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Ring_after_ring_is_covered_by_the_read_after_the_last()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d)
                {
                    d.Ring(1);
                    d.Ring(2);
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Switch_statement_sections()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, int k)
                {
                    switch (k)
                    {
                        case 1:
                            d.Ring(1);
                            Status.Handle(d.ReadStatus());
                            break;
                        case 2:
                            {|#0:d.Ring(2)|};
                            break;
                    }
                }
            }
            """ + Helpers,
            Expected(0, "d"));
    }

    [Fact]
    public async Task Ring_and_connect_on_unrelated_types_are_ignored()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class Bell
            {
                public void Ring(ulong value) { }
                public void Connect() { }
                public DoorbellStatus ReadStatus() => DoorbellStatus.Connected;
            }
            class C
            {
                void M(Bell bell)
                {
                    bell.Ring(1);
                    bell.Connect();
                    bell.Ring(2);
                }
            }
            """);
    }

    [Fact]
    public async Task Doorbell_passed_to_unattributed_code_is_not_followed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _d = null!;

                void Passed(Doorbell d)
                {
                    d.Ring(1);
                    Status.Log(d);
                }

                void HelperOnThis()
                {
                    _d.Ring(1);
                    CheckStatus();
                }

                void CheckStatus() => Status.Handle(_d.ReadStatus());
            }
            """ + Helpers);
    }

    [Fact]
    public async Task Helper_on_this_that_cannot_see_the_doorbell_does_not_hide_the_ring()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                private Doorbell _d = null!;
                private int _submissions;

                void M(bool verbose)
                {
                    {|#0:_d.Ring(1)|};
                    Count();
                    if (verbose)
                        System.Console.WriteLine($"rung {_d.ReadStatus()}");
                }

                void Count() => _submissions++;

                public void Shown(Doorbell d)
                {
                    {|#1:d.Ring(1)|};
                    var s = d.ReadStatus();
                    System.Console.WriteLine($"status {s}");
                }
            }
            """,
            Expected(0, "_d"),
            VerifyCS.Diagnostic(Descriptors.DisconnectNotRetried).WithLocation(0).WithArguments("_d"),
            VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(0).WithArguments("_d"),
            VerifyCS.Diagnostic(Descriptors.AbortTreatedAsSuccess).WithLocation(0).WithArguments("_d"),
            VerifyCS.Diagnostic(Descriptors.DisconnectNotRetried).WithLocation(1).WithArguments("d"),
            VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(1).WithArguments("d"),
            VerifyCS.Diagnostic(Descriptors.AbortTreatedAsSuccess).WithLocation(1).WithArguments("d"));
    }

    [Fact]
    public async Task Ring_and_confirm_and_submit_are_complete_submissions()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void M(Doorbell d, HardwareQueue q)
                {
                    d.RingAndConfirm(1);
                    q.Submit(new byte[] { 1 });
                    d.Ring(2);
                    d.RingAndConfirm(3);
                }
            }
            """);
    }
}

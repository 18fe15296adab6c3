using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>
/// Methods whose text names no ring member and no helper that may ring are passed over before their operations are
/// walked. These are the cases that prefilter could get wrong: code that rings only through names it never writes.
/// </summary>
public class RingNamePrefilterTests
{
    [Fact]
    public async Task A_caller_that_only_names_a_helper_in_another_file_two_calls_from_the_ring_is_analyzed()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Submitter.cs", """
                        using DoorbellGuard;
                        partial class Submitter
                        {
                            private readonly Doorbell _bell;
                            Submitter(Doorbell bell) => _bell = bell;
                            public void Submit(ulong wp) { {|#0:Push(wp)|}; }
                        }
                        """),
                    ("/0/Submitter.Helpers.cs", """
                        using DoorbellGuard;
                        partial class Submitter
                        {
                            private void Push(ulong wp) => Kick(_bell, wp);
                            private static void Kick(Doorbell d, ulong wp) => d.Ring(wp);
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("_bell"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_doorbell_created_and_rung_through_a_public_helper_before_connect_is_reported_at_the_call()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            public sealed class Engine
            {
                public void Kick(Doorbell d, ulong wp)
                {
                    d.Ring(wp);
                    Status.Handle(d.ReadStatus());
                }
            }

            class Use
            {
                void M(HardwareQueue q, Engine e)
                {
                    var d = q.CreateDoorbell();
                    {|#0:e.Kick(d, 1)|};
                }
            }

            static class Status
            {
                public static extern void Handle(DoorbellStatus status);
            }
            """,
            VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(0).WithArguments("d"));
    }

    [Fact]
    public async Task A_ring_through_a_configured_wrapper_whose_name_is_not_ring_is_analyzed()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Vendor.cs", """
                        namespace Vendor
                        {
                            public sealed class Queue
                            {
                                public void Kick(ulong v) { }
                                public DoorbellGuard.DoorbellStatus Status() => default;
                            }
                        }
                        """),
                    ("/0/Use.cs", """
                        class Use
                        {
                            void M(Vendor.Queue q) { {|#0:q.Kick(1)|}; }
                        }
                        """),
                },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndoorbellguard.ring_methods = M:Vendor.Queue.Kick(System.UInt64)\ndoorbellguard.status_read_methods = M:Vendor.Queue.Status\n") },
            },
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("q"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_attributed_ring_indexer_turns_the_prefilter_off_and_is_still_checked()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Tails
            {
                public ulong this[int queue] { get => 0; [DoorbellRing] set { } }
            }

            class Use
            {
                void M(Tails t) { {|#0:t[0]|} = 1; }
            }
            """,
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("t"));
    }
}

using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>User wrappers: declared by attribute (ours, or the user's own in any namespace) or named in .editorconfig.</summary>
public class WrapperTests
{
    private const string VendorQueue = """

        namespace Vendor
        {
            using DoorbellGuard;

            public sealed class Queue
            {
                private readonly Doorbell _d = null!;
                public void Kick(ulong tail) => _d.Ring(tail);
                public DoorbellStatus Status => _d.ReadStatus();
                public void Reconnect() => _d.Connect();
                public void Tell() => _d.NotifyWorkSubmission();
            }
        }
        """;

    [Fact]
    public async Task Wrappers_declared_with_the_runtime_attributes()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            static class Submission
            {
                [DoorbellRing]
                public static void Kick(this Doorbell doorbell, ulong tail) => doorbell.Ring(tail);

                [DoorbellStatusRead]
                public static DoorbellStatus Check(Doorbell doorbell) => doorbell.ReadStatus();
            }
            class C
            {
                void Bad(Doorbell d) { {|#0:d.Kick(1)|}; }

                bool Good(Doorbell d)
                {
                    Submission.Kick(d, 1);
                    var s = Submission.Check(d);
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return Good(d); }
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            """,
            Expect.NoRead(0));
    }

    [Fact]
    public async Task Wrappers_declared_with_the_user_s_own_attributes_in_any_namespace()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using DoorbellStatus = DoorbellGuard.DoorbellStatus;
            namespace My.Gpu
            {
                [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] sealed class DoorbellRingAttribute : Attribute { }
                [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] sealed class DoorbellStatusRead : Attribute { }
                [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] sealed class DoorbellConnect : Attribute { }

                sealed class Engine
                {
                    private readonly DoorbellGuard.Doorbell _d = null!;

                    [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
                    [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
                    [DoorbellConnect] public void Reconnect() => _d.Connect();
                }

                class User
                {
                    void Bad(Engine engine) { {|#0:engine.Kick(1)|}; }

                    void Good(Engine engine)
                    {
                        engine.Kick(1);
                        switch (engine.Status)
                        {
                            case DoorbellStatus.DisconnectedRetry: engine.Reconnect(); Good(engine); break;
                            case DoorbellStatus.DisconnectedAbort: throw new DoorbellGuard.DoorbellAbortedException("lost");
                            case DoorbellStatus.ConnectedNotify: throw new NotSupportedException();
                        }
                    }

                    void NoReconnect(Engine engine)
                    {
                        {|#1:engine.Kick(1)|};
                        switch (engine.Status)
                        {
                            case DoorbellStatus.DisconnectedRetry: break;
                            case DoorbellStatus.DisconnectedAbort: throw new DoorbellGuard.DoorbellAbortedException("lost");
                            case DoorbellStatus.ConnectedNotify: throw new NotSupportedException();
                        }
                    }
                }
            }
            """,
            Expect.NoRead(0, "engine"), Expect.Retry(1, "engine"));
    }

    [Fact]
    public async Task Marking_an_interface_or_base_member_marks_its_implementations()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            interface ISubmitter
            {
                [DoorbellRing] void Kick(ulong tail);
                [DoorbellStatusRead] DoorbellStatus Status { get; }
            }
            abstract class Engine
            {
                [DoorbellRing] public abstract void Push(ulong tail);
            }
            sealed class Submitter : Engine, ISubmitter
            {
                private readonly Doorbell _d = null!;
                public void Kick(ulong tail) => _d.Ring(tail);
                public DoorbellStatus Status => _d.ReadStatus();
                public override void Push(ulong tail) => _d.Ring(tail);
            }
            class C
            {
                void Bad(Submitter s) { s.Kick(1); {|#1:s.Push(2)|}; } // one run of rings: the last one carries the obligation
                void ThroughInterface(ISubmitter s) { {|#2:s.Kick(1)|}; }
            }
            """,
            Expect.NoRead(1, "s"), Expect.NoRead(2, "s"));
    }

    [Fact]
    public async Task Wrappers_called_on_the_implicit_receiver_track_this()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Channel
            {
                private readonly Doorbell _d = null!;
                [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
                [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
                [DoorbellConnect] public void Reconnect() => _d.Connect();

                public bool Submit(ulong tail)
                {
                    while (true)
                    {
                        {|#0:Kick(tail)|};
                        switch (Status)
                        {
                            case DoorbellStatus.DisconnectedRetry: Reconnect(); continue;
                            case DoorbellStatus.DisconnectedAbort: return false;
                            default: return true;
                        }
                    }
                }
            }
            """,
            Expect.Notify(0, "this"));
    }

    [Fact]
    public async Task Wrappers_named_in_editorconfig()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                void Bad(Vendor.Queue q) { {|#0:q.Kick(1)|}; }

                void Good(Vendor.Queue q)
                {
                    q.Kick(1);
                    var s = q.Status;
                    if (s == DoorbellStatus.ConnectedNotify) q.Tell();
                    if (s == DoorbellStatus.DisconnectedRetry) { q.Reconnect(); Good(q); return; }
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                }
            }
            """ + VendorQueue,
            """
            root = true

            [*.cs]
            doorbellguard.ring_methods = M:Vendor.Queue.Kick(System.UInt64)
            doorbellguard.status_read_methods = P:Vendor.Queue.Status
            doorbellguard.connect_methods = Vendor.Queue.Reconnect
            doorbellguard.notify_methods = M:Vendor.Queue.Tell | M:Vendor.Queue.DoesNotExist
            """,
            Expect.NoRead(0, "q"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.OptionNamesNothing.Id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments(
                "doorbellguard.notify_methods names 'M:Vendor.Queue.DoesNotExist', which is no method or property of this compilation, so nothing is checked through it: write its documentation-comment ID, for example M:Namespace.Type.Method(System.UInt64)"));
    }

    [Fact]
    public async Task Without_configuration_vendor_methods_are_followed_and_their_bodies_are_checked()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class C
            {
                void M(Vendor.Queue q) { q.Kick(1); }
            }
            """ + VendorQueue.Replace("_d.Ring(tail)", "{|#0:_d.Ring(tail)|}"),
            Expect.NoRead(0, "_d"));
    }

    [Fact]
    public void Configured_ids_split_on_bars_semicolons_and_top_level_commas()
    {
        var ids = Protocol.WrapperConfiguration.SplitIds("M:A.B.C(System.Int32,System.UInt64), P:A.B.D ;M:A.B.E|  T.F ");
        Assert.Equal(new[] { "M:A.B.C(System.Int32,System.UInt64)", "P:A.B.D", "M:A.B.E", "T.F" }, ids);
    }

    [Fact]
    public async Task A_ring_attribute_on_a_setter_makes_the_assignment_the_ring()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            public sealed class TailRegister
            {
                private readonly Doorbell _doorbell;
                public TailRegister(Doorbell doorbell) => _doorbell = doorbell;
                public ulong Tail { [DoorbellRing] set => _doorbell.Ring(value); }
                [DoorbellStatusRead] public DoorbellStatus Status => _doorbell.ReadStatus();
            }
            public static class TailUser
            {
                public static void Advance(TailRegister register, ulong tail) => {|#0:register.Tail|} = tail;
                public static DoorbellStatus Checked(TailRegister register, ulong tail) { register.Tail = tail; return register.Status; }
            }
            """, VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("register"));
    }
}

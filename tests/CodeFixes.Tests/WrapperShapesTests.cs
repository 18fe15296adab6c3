using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// "Check doorbell status and retry on disconnect" on rings through the user's wrappers: the loop keeps the ring as
/// written and reads, connects and notifies with the user's own members found beside it. (The library also runs
/// Fix All in document, project and solution on each, and checks the fixed code compiles with no diagnostic.)
/// </summary>
public class WrapperShapesTests
{
    private const string Engine = """

        sealed class Engine
        {
            private readonly Doorbell _d = null!;
            [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
            [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
            [DoorbellConnect] public void Reconnect() => _d.Connect();
            [DoorbellNotify] public void Tell() => _d.NotifyWorkSubmission();
        }
        """;

    [Fact]
    public async Task Instance_wrapper_loop_uses_the_receiver_s_status_property_connect_and_notify()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class User
            {
                void Submit(Engine engine, ulong writePointer)
                {
                    {|#0:engine.Kick(writePointer)|}; // kick the GPU
                }
            }
            """ + Engine,
            VerifyCS.At(0, "engine", RingWithoutStatusRead),
            $$"""
            using DoorbellGuard;

            class User
            {
                void Submit(Engine engine, ulong writePointer)
                {
            {{new ExpectedLoop("engine.Kick(writePointer); // kick the GPU", "engine.Status", "engine.Reconnect()", "engine.Tell()") { Doorbell = "engine" }.At(2)}}
                }
            }
            """ + Engine);
    }

    [Fact]
    public async Task Wrapper_called_on_the_implicit_this_keeps_its_members_unqualified()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            sealed class Channel
            {
                private readonly Doorbell _d = null!;
                [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
                [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
                [DoorbellConnect] public void Reconnect() => _d.Connect();
                [DoorbellNotify] public void Tell() => _d.NotifyWorkSubmission();

                public void Submit(ulong tail) { {|#0:Kick(tail)|}; }
            }
            """,
            VerifyCS.At(0, "this", RingWithoutStatusRead),
            $$"""
            using DoorbellGuard;

            sealed class Channel
            {
                private readonly Doorbell _d = null!;
                [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
                [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
                [DoorbellConnect] public void Reconnect() => _d.Connect();
                [DoorbellNotify] public void Tell() => _d.NotifyWorkSubmission();

                public void Submit(ulong tail)
                {
            {{new ExpectedLoop("Kick(tail);", "Status", "Reconnect()", "Tell()") { Doorbell = "this" }.At(2)}}
                }
            }
            """);
    }

    [Fact]
    public async Task Static_and_extension_wrappers_use_their_class_s_wrappers_then_the_doorbell_s_own_members()
    {
        const string Vendor = """

            static class Vendor
            {
                [DoorbellRing] public static void Kick(this Doorbell d, ulong tail) => d.Ring(tail);
                [DoorbellStatusRead] public static DoorbellStatus Check(Doorbell d) => d.ReadStatus();
                [DoorbellConnect] public static void Wake(Doorbell d) => d.Connect();
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class User
            {
                void AsExtension(Doorbell d, ulong wp)
                {
                    {|#0:d.Kick(wp)|};
                }

                void AsStatic(Doorbell d, ulong wp)
                {
                    {|#1:Vendor.Kick(d, wp)|};
                }
            }
            """ + Vendor,
            [.. VerifyCS.At(0, "d", RingWithoutStatusRead), .. VerifyCS.At(1, "d", RingWithoutStatusRead)],
            $$"""
            using DoorbellGuard;

            class User
            {
                void AsExtension(Doorbell d, ulong wp)
                {
            {{new ExpectedLoop("d.Kick(wp);", "Vendor.Check(d)", "Vendor.Wake(d)", "d.NotifyWorkSubmission()").At(2)}}
                }

                void AsStatic(Doorbell d, ulong wp)
                {
            {{new ExpectedLoop("Vendor.Kick(d, wp);", "Vendor.Check(d)", "Vendor.Wake(d)", "d.NotifyWorkSubmission()").At(2)}}
                }
            }
            """ + Vendor);
    }

    [Fact]
    public async Task Wrapper_taking_the_doorbell_uses_the_same_receiver_s_wrappers()
    {
        const string Submitter = """

            sealed class Submitter
            {
                [DoorbellRing] public void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);
                [DoorbellStatusRead] public DoorbellStatus Poll(Doorbell doorbell) => doorbell.ReadStatus();
                [DoorbellConnect] public void Reconnect(Doorbell doorbell) => doorbell.Connect();
                [DoorbellNotify] public void Notify(Doorbell doorbell) => doorbell.NotifyWorkSubmission();
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class User
            {
                void Submit(Submitter submitter, Doorbell d, ulong wp)
                {
                    {|#0:submitter.Kick(d, wp)|};
                }
            }
            """ + Submitter,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            $$"""
            using DoorbellGuard;

            class User
            {
                void Submit(Submitter submitter, Doorbell d, ulong wp)
                {
            {{new ExpectedLoop("submitter.Kick(d, wp);", "submitter.Poll(d)", "submitter.Reconnect(d)", "submitter.Notify(d)").At(2)}}
                }
            }
            """ + Submitter);
    }

    [Fact]
    public async Task Interface_members_and_a_ring_property()
    {
        const string Interface = """

            interface ISubmitter
            {
                [DoorbellRing] void Kick(ulong tail);
                [DoorbellRing] ulong Tail { set; }
                [DoorbellStatusRead] DoorbellStatus Status { get; }
                [DoorbellConnect] void Reconnect();
                [DoorbellNotify] void Tell();
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class User
            {
                void ByMethod(ISubmitter s, ulong wp)
                {
                    {|#0:s.Kick(wp)|};
                }

                void ByProperty(ISubmitter s, ulong wp)
                {
                    {|#1:s.Tail|} = wp * 2;
                }
            }
            """ + Interface,
            [.. VerifyCS.At(0, "s", RingWithoutStatusRead), .. VerifyCS.At(1, "s", RingWithoutStatusRead)],
            $$"""
            using DoorbellGuard;

            class User
            {
                void ByMethod(ISubmitter s, ulong wp)
                {
            {{new ExpectedLoop("s.Kick(wp);", "s.Status", "s.Reconnect()", "s.Tell()") { Doorbell = "s" }.At(2)}}
                }

                void ByProperty(ISubmitter s, ulong wp)
                {
                    var value = wp * 2;
            {{new ExpectedLoop("s.Tail = value;", "s.Status", "s.Reconnect()", "s.Tell()") { Doorbell = "s" }.At(2)}}
                }
            }
            """ + Interface);
    }

    [Fact]
    public async Task Methods_named_in_editorconfig()
    {
        const string Queue = """

            namespace Vendor
            {
                public sealed class Queue
                {
                    public void Kick(ulong tail) { }
                    public DoorbellGuard.DoorbellStatus Status() => DoorbellGuard.DoorbellStatus.Connected;
                    public void Reconnect() { }
                    public static void Tell(Queue queue) { }
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class User
            {
                void Submit(Vendor.Queue q) { {|#0:q.Kick(1)|}; }
            }
            """ + Queue,
            """
            root = true

            [*.cs]
            doorbellguard.ring_methods = M:Vendor.Queue.Kick(System.UInt64)
            doorbellguard.status_read_methods = M:Vendor.Queue.Status
            doorbellguard.connect_methods = Vendor.Queue.Reconnect
            doorbellguard.notify_methods = M:Vendor.Queue.Tell(Vendor.Queue)
            """,
            VerifyCS.At(0, "q", RingWithoutStatusRead),
            $$"""
            using DoorbellGuard;

            class User
            {
                void Submit(Vendor.Queue q)
                {
            {{new ExpectedLoop("q.Kick(1);", "q.Status()", "q.Reconnect()", "Vendor.Queue.Tell(q)") { Doorbell = "q" }.At(2)}}
                }
            }
            """ + Queue);
    }

    [Theory]
    [InlineData("[DoorbellConnect] public void Reconnect() { }")] // no notify: ConnectedNotify could not be answered
    [InlineData("[DoorbellNotify] public void Tell() { }")] // no connect: the loop would ring a disconnected doorbell forever
    public async Task No_fix_when_a_step_of_the_loop_has_no_wrapper(string onlyOneOfConnectAndNotify)
    {
        await VerifyCS.VerifyNoFixAsync(
            $$"""
            using DoorbellGuard;

            sealed class Kicker
            {
                [DoorbellRing] public void Kick(ulong tail) { }
                [DoorbellStatusRead] public DoorbellStatus Status => DoorbellStatus.Connected;
                {{onlyOneOfConnectAndNotify}}
            }

            class User
            {
                void Submit(Kicker k) { {|#0:k.Kick(1)|}; }
            }
            """,
            VerifyCS.At(0, "k", RingWithoutStatusRead));
    }
}

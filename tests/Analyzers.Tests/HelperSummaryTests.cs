using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// Helpers of the same compilation without protocol attributes are followed into at their calls (summarised from
/// their own bodies): what they ring, read, connect and notify counts at the call, a returned status is the call's
/// value, a status handed to them is handled by what they do with it.
/// </summary>
public class HelperSummaryTests
{
    private const string Engine = """
        using DoorbellGuard;
        public sealed class Engine
        {
            private readonly Doorbell _doorbell = null!;
            private ulong _wp;

            BODY

            // Every helper is called somewhere, so each is a helper whose callers answer for what it leaves.
            public void RingTwiceThenConfirm() { Kick(_doorbell, 1); KickField(); _doorbell.RingAndConfirm(_wp); }

            private void Kick(Doorbell d, ulong wp) => d.Ring(wp);
            private void KickField() => _doorbell.Ring(_wp);
            private DoorbellStatus Poll() => _doorbell.ReadStatus();
            private static void Confirm(Doorbell d)
            {
                var status = d.ReadStatus();
                if (status == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                else if (status == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.RingAndConfirm(0); }
                else if (status == DoorbellStatus.DisconnectedAbort) throw new DoorbellException("device lost");
            }
            private void Complete(DoorbellStatus status)
            {
                switch (status)
                {
                    case DoorbellStatus.ConnectedNotify: _doorbell.NotifyWorkSubmission(); break;
                    case DoorbellStatus.DisconnectedRetry: _doorbell.Connect(); _doorbell.RingAndConfirm(_wp); break;
                    case DoorbellStatus.DisconnectedAbort: throw new DoorbellException("device lost");
                }
            }
        }
        """;

    [Theory]
    [InlineData("Kick(_doorbell, _wp); Confirm(_doorbell);")]
    [InlineData("KickField(); Confirm(_doorbell);")]
    [InlineData("_doorbell.Ring(_wp); Complete(_doorbell.ReadStatus());")]
    [InlineData("KickField(); Complete(Poll());")]
    [InlineData("Kick(_doorbell, _wp); var s = Poll(); Complete(s);")]
    public async Task Rings_reads_and_handling_in_helpers_count_at_their_calls(string body) =>
        await VerifyCS.VerifyAnalyzerAsync(Engine.Replace("BODY", "public void Submit() { " + body + " }"));

    [Fact]
    public async Task A_ring_in_a_helper_that_nobody_reads_is_reported_at_the_call()
    {
        await VerifyCS.VerifyAnalyzerAsync(Engine.Replace("BODY", "public void Submit() { {|#0:Kick(_doorbell, _wp)|}; }"),
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("_doorbell"));
    }

    [Fact]
    public async Task A_status_a_helper_returns_and_the_caller_drops_is_unhandled_at_the_ring()
    {
        await VerifyCS.VerifyAnalyzerAsync(Engine.Replace("BODY", "public void Submit() { {|#0:_doorbell.Ring(_wp)|}; Poll(); }"),
            Expect.Retry(0, "_doorbell"), Expect.Notify(0, "_doorbell"), Expect.Abort(0, "_doorbell"));
    }

    [Fact]
    public async Task A_handler_that_forgets_abort_is_reported_at_the_ring()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Engine.Replace("BODY", "public void Submit() { {|#0:_doorbell.Ring(_wp)|}; Complete(_doorbell.ReadStatus()); }")
                .Replace("case DoorbellStatus.DisconnectedAbort: throw new DoorbellException(\"device lost\");", ""),
            Expect.Abort(0, "_doorbell"));
    }

    [Fact]
    public async Task A_public_helper_answers_for_its_own_ring_and_an_uncalled_private_one_too()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            public sealed class Queue
            {
                private readonly Doorbell _doorbell = null!;
                public void Kick(ulong wp) => {|#0:_doorbell.Ring(wp)|};
                private void OnTimer(object? sender, System.EventArgs e) => {|#1:_doorbell.Ring(1)|};
                public System.EventHandler Handler => OnTimer;
            }
            public sealed class User
            {
                public void Submit(Queue queue) => queue.Kick(1);
            }
            """,
            Expect.NoRead(0, "_doorbell"), Expect.NoRead(1, "_doorbell"));
    }

    [Theory]
    [InlineData("interface IKick { void Kick(Doorbell d); }", "IKick k", "k.Kick(d)")]
    [InlineData("abstract class Kicker { public abstract void Kick(Doorbell d); }", "Kicker k", "k.Kick(d)")]
    [InlineData("class Kicker { public virtual void Kick(Doorbell d) { } }", "Kicker k", "k.Kick(d)")]
    public async Task Calls_an_override_can_replace_are_not_followed(string declaration, string parameter, string call)
    {
        // The doorbell escapes to code we cannot know: nothing is reported about it either way.
        await VerifyCS.VerifyAnalyzerAsync("using DoorbellGuard;\n" + declaration + "\nclass C\n{\n    void M(Doorbell d, " + parameter + ") { d.Ring(1); " + call + "; }\n}\n");
    }

    [Fact]
    public async Task Helpers_that_call_each_other_are_forgotten_not_followed_forever()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            class C
            {
                // Ping hands d to Pong, which hands it back to Ping: the second Ping is not followed, d escapes there.
                public void M(Doorbell d) { d.Ring(1); Ping(d); }
                private void Ping(Doorbell d) => Pong(d);
                private void Pong(Doorbell d) => Ping(d);
            }
            """);
    }

    [Fact]
    public async Task Helpers_are_followed_three_levels_down_by_default_and_as_configured()
    {
        const string source = """
            using DoorbellGuard;
            class C
            {
                public void M(Doorbell d) { {|#0:One(d)|}; }
                private void One(Doorbell d) => Two(d);
                private void Two(Doorbell d) => Three(d);
                private void Three(Doorbell d) => d.Ring(1);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Expect.NoRead(0, "d"));
        // Two levels: the ring three calls down is out of sight, so d escapes and nothing is reported.
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:One(d)|}", "One(d)"), "root = true\n[*.cs]\ndoorbellguard.max_call_depth = 2\n");
    }

    [Fact]
    public async Task Interprocedural_none_leaves_every_helper_opaque()
    {
        // As before helper summaries: the doorbell escapes into the helpers, whose own bodies answer for their rings.
        var source = Engine.Replace("BODY", "public void Submit() { Kick(_doorbell, _wp); }")
            .Replace("private void Kick(Doorbell d, ulong wp) => d.Ring(wp);", "private void Kick(Doorbell d, ulong wp) => {|#0:d.Ring(wp)|};")
            .Replace("private void KickField() => _doorbell.Ring(_wp);", "private void KickField() => {|#1:_doorbell.Ring(_wp)|};");
        await VerifyCS.VerifyAnalyzerAsync(source, "root = true\n[*.cs]\ndoorbellguard.interprocedural = none\n", Expect.NoRead(0, "d"), Expect.NoRead(1, "_doorbell"));
    }

    [Fact]
    public async Task Static_and_extension_helpers_are_followed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            static class DoorbellHelpers
            {
                public static void Kick(this Doorbell d, ulong wp) => d.Ring(wp);
                internal static bool Handled(Doorbell d)
                {
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return d.RingAndConfirm(0) == DoorbellStatus.Connected; }
                    return s != DoorbellStatus.DisconnectedAbort;
                }
            }
            class C
            {
                public bool Good(Doorbell d) { d.Kick(1); return DoorbellHelpers.Handled(d); }
                public void Bad(Doorbell d) { {|#0:d.Kick(1)|}; }
            }
            """, Expect.NoRead(0, "d"));
    }
}

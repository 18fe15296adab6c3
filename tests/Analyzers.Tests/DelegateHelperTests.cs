using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// A lambda or method group handed to a utility of the compilation (<c>Retry.Until(() => ...)</c>, <c>Retry.Until(TryKick)</c>)
/// answers in its own body: the utility is not followed (it may run the delegate any number of times, or none), and
/// the call that hands the delegate over says nothing about the doorbells the delegate captures.
/// </summary>
public class DelegateHelperTests
{
    private const string Retry = """

        static class Retry
        {
            public static void Until(System.Func<bool> attempt)
            {
                while (!attempt()) { }
            }
        }
        """;

    [Fact]
    public async Task A_lambda_handed_to_a_utility_answers_for_its_ring_in_its_own_body()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Submit(Doorbell d) => Retry.Until(() =>
                {
                    {|#0:d.Ring(1)|};
                    return d.ReadStatus() != DoorbellStatus.DisconnectedRetry;
                });
            }
            """ + Retry, Expect.Retry(0), Expect.Notify(0), Expect.Abort(0));
    }

    [Fact]
    public async Task A_lambda_that_handles_every_status_is_clean_and_so_is_the_call_that_hands_it_over()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Submit(Doorbell d) => Retry.Until(() =>
                {
                    d.Ring(1);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return false; }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                    return true;
                });
            }
            """ + Retry);
    }

    [Fact]
    public async Task A_lambda_that_connects_and_returns_without_a_ring_is_reported_when_it_returns_nothing()
    {
        // An Action cannot tell its invoker to run it again: the connect must be followed by a ring in the lambda.
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                public void Submit(Doorbell d) => Run(() =>
                {
                    {|#0:d.Ring(1)|};
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); return; }
                    if (s == DoorbellStatus.ConnectedNotify) d.NotifyWorkSubmission();
                });
                private static void Run(System.Action action) => action();
            }
            """, Expect.Retry(0));
    }

    [Fact]
    public async Task A_method_group_handed_to_a_utility_answers_in_its_own_body()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Queue
            {
                private readonly Doorbell _d = null!;
                public void Submit() => Retry.Until(TryKick);
                public void SubmitChecked() => Retry.Until(TryKickChecked);
                private bool TryKick()
                {
                    {|#0:_d.Ring(1)|};
                    return _d.ReadStatus() == DoorbellStatus.Connected;
                }
                private bool TryKickChecked()
                {
                    _d.Ring(1);
                    var s = _d.ReadStatus();
                    if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                    if (s == DoorbellStatus.DisconnectedRetry) { _d.Connect(); _d.RingAndConfirm(1); }
                    if (s == DoorbellStatus.ConnectedNotify) _d.NotifyWorkSubmission();
                    return true;
                }
            }
            """ + Retry, Expect.Retry(0, "_d"), Expect.Notify(0, "_d"), Expect.Abort(0, "_d"));
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Registration;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// Values derived from the status (flags, the user's own enums, integers) carry what the status allows: a branch on
/// them narrows the status as a branch on the status does. Each shape both ways, in safe code and in pointer code.
/// </summary>
public class DerivedValueTests
{
    private const string Flags = """
        bool reconnect = status == DoorbellStatus.DisconnectedRetry;
        bool lost = status == DoorbellStatus.DisconnectedAbort;
        if (reconnect) { _doorbell.Connect(); continue; }
        if (lost) return false;
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    [Fact]
    public async Task Flags_that_answer_every_status_are_clean() =>
        await VerifyAsync(Loop(Flags));

    [Fact]
    public async Task Flags_in_pointer_code_that_answer_every_status_are_clean() =>
        await VerifyAsync(PointerLoop(Flags));

    [Fact]
    public async Task A_flag_of_the_wrong_status_leaves_abort_unanswered() =>
        await VerifyAsync(Loop(Flags.Replace("status == DoorbellStatus.DisconnectedAbort", "status == DoorbellStatus.Connected")), Expect.Abort(0, "_doorbell"));

    [Fact]
    public async Task A_flag_acted_on_by_logging_alone_separates_abort_as_the_status_test_would() =>
        await VerifyAsync(Loop(Flags.Replace("if (lost) return false;", "if (lost) Log();")));

    [Fact]
    public async Task A_flag_in_pointer_code_that_reconnects_nothing_is_reported() =>
        await VerifyAsync(PointerLoop(Flags.Replace("_doorbell.Connect(); continue;", "continue;")), Expect.Retry(0, "_doorbell"));

    [Fact]
    public async Task Negated_and_inverted_flags_are_clean() =>
        await VerifyAsync(Loop("""
            bool usable = status != DoorbellStatus.DisconnectedAbort;
            bool connected = status is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify;
            bool reconnect = !connected && usable;
            if (!usable) return false;
            if (!connected) { _doorbell.Connect(); continue; }
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
            """));

    [Fact]
    public async Task A_negated_flag_on_the_wrong_side_is_reported() =>
        await VerifyAsync(Loop("""
            bool connected = !(status is DoorbellStatus.ConnectedNotify or DoorbellStatus.DisconnectedRetry or DoorbellStatus.DisconnectedAbort);
            if (!connected) { _doorbell.Connect(); continue; }
            return true;
            """), Expect.Notify(0, "_doorbell"));

    private const string CPort = """
        bool retry;
        do
        {
            _doorbell.Ring(wp);
            var s = _doorbell.ReadStatus();
            retry = false;
            if (s == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); retry = true; }
            else if (s == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            else if (s == DoorbellStatus.DisconnectedAbort) return false;
        }
        while (retry);
        return true;
        """;

    [Fact]
    public async Task The_c_port_with_a_retry_flag_is_clean() =>
        await VerifyAsync(Method(CPort));

    [Fact]
    public async Task The_c_port_with_a_retry_flag_in_pointer_code_is_clean() =>
        await VerifyAsync(PointerMethod(CPort));

    [Fact]
    public async Task The_c_port_that_never_sets_its_retry_flag_is_reported() =>
        await VerifyAsync(Method(CPort.Replace(" retry = true;", "").Replace("_doorbell.Ring(wp);", "{|#0:_doorbell.Ring(wp)|};")), Expect.Retry(0, "_doorbell"));

    [Fact]
    public async Task The_c_port_in_pointer_code_that_loops_on_the_wrong_flag_is_reported() =>
        await VerifyAsync(PointerMethod(CPort.Replace("while (retry);", "while (!retry);").Replace("_doorbell.Ring(wp);", "{|#0:_doorbell.Ring(wp)|};")), Expect.Retry(0, "_doorbell"));

    private const string Classified = """
        var step = status switch
        {
            DoorbellStatus.DisconnectedRetry => Step.Reconnect,
            DoorbellStatus.DisconnectedAbort => Step.Lost,
            _ => Step.Done,
        };
        switch (step)
        {
            case Step.Reconnect:
                _doorbell.Connect();
                continue;
            case Step.Lost:
                return false;
        }
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    [Fact]
    public async Task A_switch_expression_to_the_users_enum_and_a_switch_on_it_are_clean() =>
        await VerifyAsync(Loop(Classified));

    [Fact]
    public async Task A_switch_expression_to_the_users_enum_in_pointer_code_is_clean() =>
        await VerifyAsync(PointerLoop(Classified));

    [Fact]
    public async Task A_switch_on_the_users_enum_that_forgets_a_value_is_reported() =>
        await VerifyAsync(Loop(Classified.Replace("case Step.Reconnect:", "case (Step)7:")), Expect.Retry(0, "_doorbell"));

    [Fact]
    public async Task A_switch_expression_lumping_retry_with_done_in_pointer_code_is_reported() =>
        await VerifyAsync(PointerLoop(Classified.Replace("DoorbellStatus.DisconnectedRetry => Step.Reconnect,", "")), Expect.Retry(0, "_doorbell"));

    private const string Numbered = """
        int action = status == DoorbellStatus.DisconnectedRetry ? 1 : status == DoorbellStatus.DisconnectedAbort ? 2 : 0;
        if (action == 1) { _doorbell.Connect(); continue; }
        if (action != 0) return false;
        if (status is DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    [Fact]
    public async Task An_integer_from_conditional_expressions_is_clean() =>
        await VerifyAsync(Loop(Numbered));

    [Fact]
    public async Task An_integer_tested_against_the_wrong_value_is_reported() =>
        await VerifyAsync(PointerLoop(Numbered.Replace("if (action == 1)", "if (action == 2)")), Expect.Retry(0, "_doorbell"));

    private const string ShortCircuit = """
        bool disconnected = status == DoorbellStatus.DisconnectedRetry || status == DoorbellStatus.DisconnectedAbort;
        bool reconnect = disconnected && status != DoorbellStatus.DisconnectedAbort;
        if (reconnect) { _doorbell.Connect(); continue; }
        if (disconnected) return false;
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    [Fact]
    public async Task Flags_from_short_circuit_operators_are_clean() =>
        await VerifyAsync(Loop(ShortCircuit));

    [Fact]
    public async Task Flags_from_short_circuit_operators_in_pointer_code_are_clean() =>
        await VerifyAsync(PointerLoop(ShortCircuit));

    [Fact]
    public async Task A_short_circuit_flag_that_lets_retry_through_is_reported() =>
        await VerifyAsync(Loop(ShortCircuit.Replace("if (reconnect) { _doorbell.Connect(); continue; }", "if (reconnect) return false;")), Expect.Retry(0, "_doorbell"));

    private const string ClassifierHelpers = """
        private static Step Classify(DoorbellStatus s) => s switch
        {
            DoorbellStatus.DisconnectedRetry => Step.Reconnect,
            DoorbellStatus.DisconnectedAbort => Step.Lost,
            DoorbellStatus.ConnectedNotify => Step.Done,
            DoorbellStatus.Connected => Step.Done,
            _ => Step.Lost,
        };
        private static bool IsRetry(DoorbellStatus s) => s == DoorbellStatus.DisconnectedRetry;
        """;

    private const string ByClassifier = """
        switch (Classify(status))
        {
            case Step.Reconnect:
                _doorbell.Connect();
                continue;
            case Step.Lost:
                return false;
        }
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    [Fact]
    public async Task A_switch_on_a_lumping_classifier_helper_is_clean() =>
        await VerifyAsync(Loop(ByClassifier, ClassifierHelpers));

    [Fact]
    public async Task A_switch_on_a_classifier_helper_in_pointer_code_is_clean() =>
        await VerifyAsync(PointerLoop(ByClassifier, ClassifierHelpers));

    [Fact]
    public async Task A_switch_on_a_classifier_helper_that_misses_reconnect_is_reported() =>
        await VerifyAsync(Loop(ByClassifier.Replace("case Step.Reconnect:", "case (Step)7:"), ClassifierHelpers), Expect.Retry(0, "_doorbell"));

    private const string ByExtension = """
        var step = status.Classify();
        if (step == Step.Reconnect) { _doorbell.Connect(); continue; }
        if (step == Step.Lost) return false;
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    private const string ExtensionClass = """
        public static class StatusSteps
        {
            public static Step Classify(this DoorbellStatus s) => s switch
            {
                DoorbellStatus.DisconnectedRetry => Step.Reconnect,
                DoorbellStatus.DisconnectedAbort => Step.Lost,
                _ => Step.Done,
            };
        }
        """;

    [Fact]
    public async Task A_classifying_extension_method_is_clean() =>
        await VerifyAsync(Loop(ByExtension) + ExtensionClass);

    [Fact]
    public async Task A_classifying_extension_method_in_pointer_code_whose_answer_is_ignored_is_reported() =>
        await VerifyAsync(PointerLoop(ByExtension.Replace("if (step == Step.Reconnect) { _doorbell.Connect(); continue; }", "")) + ExtensionClass, Expect.Retry(0, "_doorbell"));

    private const string ByPredicate = """
        if (IsRetry(status)) { _doorbell.Connect(); continue; }
        if (status == DoorbellStatus.DisconnectedAbort) return false;
        if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
        return true;
        """;

    [Fact]
    public async Task A_predicate_helper_is_clean() =>
        await VerifyAsync(Loop(ByPredicate, ClassifierHelpers));

    [Fact]
    public async Task A_negated_predicate_helper_in_pointer_code_is_reported() =>
        await VerifyAsync(PointerLoop(ByPredicate.Replace("if (IsRetry(status))", "if (!IsRetry(status))"), ClassifierHelpers), Expect.Retry(0, "_doorbell"), Expect.Notify(0, "_doorbell"));

    private const string TryRingMembers = """
        private bool TryRing(ulong wp, out DoorbellStatus status)
        {
            _doorbell.Ring(wp);
            status = _doorbell.ReadStatus();
            return status != DoorbellStatus.DisconnectedAbort;
        }
        """;

    private const string ByOutParameter = """
        while (true)
        {
            if (!{|#0:TryRing(wp, out var status)|}) return false;
            if (status == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); continue; }
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return true;
        }
        """;

    [Fact]
    public async Task A_status_handed_back_through_an_out_parameter_and_handled_is_clean() =>
        await VerifyAsync(Method(ByOutParameter.Replace("{|#0:", "").Replace("|}", ""), TryRingMembers));

    [Fact]
    public async Task A_status_handed_back_through_an_out_parameter_in_pointer_code_and_handled_is_clean() =>
        await VerifyAsync(PointerMethod(ByOutParameter.Replace("{|#0:", "").Replace("|}", ""), TryRingMembers));

    [Fact]
    public async Task A_status_handed_back_through_an_out_parameter_that_is_never_reconnected_is_reported_at_the_call() =>
        await VerifyAsync(Method(ByOutParameter.Replace("{ _doorbell.Connect(); continue; }", "return false;"), TryRingMembers), Expect.Retry(0, "_doorbell"));

    [Fact]
    public async Task A_status_handed_back_through_an_out_parameter_in_pointer_code_without_notify_is_reported_at_the_call() =>
        await VerifyAsync(PointerMethod(ByOutParameter.Replace("if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();", ""), TryRingMembers), Expect.Notify(0, "_doorbell"));

    private const string TupleMembers = """
        private ulong _completed;
        private (DoorbellStatus Status, ulong Fence) TryRingTuple(ulong wp)
        {
            _doorbell.Ring(wp);
            return (_doorbell.ReadStatus(), _completed);
        }
        """;

    private const string ByDeconstruction = """
        while (true)
        {
            var (status, fence) = {|#0:TryRingTuple(wp)|};
            if (status == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); continue; }
            if (status == DoorbellStatus.DisconnectedAbort) return false;
            if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
            return fence > 0;
        }
        """;

    [Fact]
    public async Task A_status_deconstructed_from_a_helpers_tuple_and_handled_is_clean() =>
        await VerifyAsync(Method(ByDeconstruction.Replace("{|#0:", "").Replace("|}", ""), TupleMembers));

    [Fact]
    public async Task A_status_deconstructed_from_a_helpers_tuple_in_pointer_code_and_handled_is_clean() =>
        await VerifyAsync(PointerMethod(ByDeconstruction.Replace("{|#0:", "").Replace("|}", ""), TupleMembers));

    [Fact]
    public async Task A_status_deconstructed_from_a_helpers_tuple_and_never_reconnected_is_reported_at_the_call() =>
        await VerifyAsync(Method(ByDeconstruction.Replace("{ _doorbell.Connect(); continue; }", "return false;"), TupleMembers), Expect.Retry(0, "_doorbell"));

    [Fact]
    public async Task A_status_element_of_a_helpers_tuple_without_notify_is_reported_at_the_call() =>
        await VerifyAsync(PointerMethod("""
            while (true)
            {
                var status = {|#0:TryRingTuple(wp)|}.Status;
                if (status == DoorbellStatus.DisconnectedRetry) { _doorbell.Connect(); continue; }
                return status != DoorbellStatus.DisconnectedAbort;
            }
            """, TupleMembers), Expect.Notify(0, "_doorbell"));

    private static string Loop(string handling, string members = "") => Method($$"""
        while (true)
        {
            {|#0:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
        {{handling}}
        }
        """, members);

    private static string PointerLoop(string handling, string members = "") => PointerMethod($$"""
        while (true)
        {
            _ring[wp++] = packet;
            *_fence = wp;
            {|#0:_doorbell.Ring(wp)|};
            var status = _doorbell.ReadStatus();
        {{handling}}
        }
        """, members);

    private static string Method(string body, string members = "") => $$"""
        using DoorbellGuard;
        public enum Step { Done, Reconnect, Lost }
        public sealed class Submitter
        {
            private readonly Doorbell _doorbell = null!;
            private static void Log() { }
        {{members}}
            public bool Submit(ulong wp)
            {
        {{body}}
            }
        }
        """;

    private static string PointerMethod(string body, string members = "") => $$"""
        using DoorbellGuard;
        public enum Step { Done, Reconnect, Lost }
        public sealed unsafe class Submitter
        {
            private readonly Doorbell _doorbell = null!;
            private readonly ulong* _ring;
            private readonly ulong* _fence;
            private static void Log() { }
        {{members}}
            public bool Submit(ulong wp, ulong packet)
            {
        {{body}}
            }
        }
        """;

    /// <summary>Both translation paths: the syntax-directed builder (as users run it) and the control-flow graph.</summary>
    internal static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        foreach (var test in new CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>[] { new VerifyCS.Test(), new GraphTest() })
        {
            test.TestCode = source;
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
            });
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }
    }

    private sealed class GraphTest : CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>
    {
        public GraphTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(VerifyCS.RuntimeReference);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { new DoorbellProtocolAnalyzer(AnalysisSettings.GraphOnly) };
    }
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// Submission code writes packets and fences through pointers right before it rings: pointer operations (which the
/// model has no case for) are opaque, never a reason to skip the method. Each form both ways: a faulty ring beside it
/// is reported, a complete protocol beside it is clean.
/// </summary>
public class UnsafeCodeTests
{
    public static readonly TheoryData<string> PointerForms = new()
    {
        "_ring[_wp++] = packet;",
        "*(_ring + _wp) = packet; _wp++;",
        "fixed (ulong* p = _staging) { *p = packet; }",
        "ulong* s = stackalloc ulong[4]; s[0] = packet; Buffer.MemoryCopy(s, _ring, 32, 32);",
        "ulong local = packet; ulong* address = &local; _ring[0] = *address;",
        "_wp += (ulong)sizeof(ulong);",
        "Volatile.Write(ref *_fence, packet);",
        "_packet.Words[0] = packet;",
    };

    [Theory]
    [MemberData(nameof(PointerForms))]
    public async Task A_bare_ring_beside_pointer_code_is_reported(string pointerCode) =>
        await VerifyAsync(Engine(pointerCode, "{|#0:_doorbell.Ring(_wp)|};"),
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("_doorbell"));

    [Theory]
    [MemberData(nameof(PointerForms))]
    public async Task A_complete_submission_beside_pointer_code_is_clean(string pointerCode) =>
        await VerifyAsync(Engine(pointerCode, "_doorbell.RingAndConfirm(_wp);"));

    [Theory]
    [MemberData(nameof(PointerForms))]
    public async Task The_documented_loop_beside_pointer_code_is_clean(string pointerCode) =>
        await VerifyAsync(Engine(pointerCode, """
            DoorbellStatus status;
            do
            {
                _doorbell.Ring(_wp);
                status = _doorbell.ReadStatus();
                if (status == DoorbellStatus.ConnectedNotify) _doorbell.NotifyWorkSubmission();
                else if (status == DoorbellStatus.DisconnectedRetry) _doorbell.Connect();
                else if (status == DoorbellStatus.DisconnectedAbort) throw new DoorbellException("device lost");
            }
            while (status == DoorbellStatus.DisconnectedRetry);
            """));

    [Fact]
    public async Task A_ring_wrapper_that_is_itself_pointer_code_is_checked_at_its_callers()
    {
        const string source = """
            using DoorbellGuard;
            public sealed unsafe class NativeBell
            {
                private readonly ulong* _bell;
                private readonly ulong* _status;
                public NativeBell(ulong* bell, ulong* status) { _bell = bell; _status = status; }
                [DoorbellRing] public void Ring(ulong wp) => {|#1:*_bell = wp|};
                [DoorbellStatusRead] public DoorbellStatus ReadStatus() => (DoorbellStatus)(uint)*_status;
            }
            public sealed unsafe class Engine
            {
                private readonly NativeBell _bell = null!;
                private readonly ulong* _ring;
                private ulong _wp;
                public void Kick(ulong packet) { _ring[_wp++] = packet; {|#0:_bell.Ring(_wp)|}; }
                public DoorbellStatus Confirmed(ulong packet) { _ring[_wp++] = packet; _bell.Ring(_wp); return _bell.ReadStatus(); }
            }
            """;
        // The wrapper's own plain store is DBL006 (Dbl006Tests); its callers are checked as any ring.
        await VerifyAsync(source, VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("_bell"),
            VerifyCS.Diagnostic(Descriptors.RingStoreNotPublished).WithLocation(1).WithArguments("_bell"));
    }

    private static string Engine(string pointerCode, string submission) => $$"""
        using System;
        using System.Threading;
        using DoorbellGuard;
        public unsafe struct Packet { public fixed ulong Words[8]; }
        public sealed unsafe class CopyEngine
        {
            private readonly Doorbell _doorbell = null!;
            private readonly ulong* _ring;
            private readonly ulong* _fence;
            private readonly ulong[] _staging = new ulong[8];
            private Packet _packet;
            private ulong _wp;

            public void Kick(ulong packet)
            {
                {{pointerCode}}
                {{submission}}
            }
        }
        """;

    private static async Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

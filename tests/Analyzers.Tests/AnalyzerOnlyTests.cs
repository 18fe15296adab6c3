using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// The DoorbellGuard.Analyzers package alone: code that calls D3DKMT itself, with no DoorbellGuard runtime, declares
/// the attributes in its own namespace (or names its wrappers in .editorconfig) and its own DoorbellStatus enum.
/// </summary>
public class AnalyzerOnlyTests
{
    private const string NativeDoorbell = """

        namespace Contoso.Gpu
        {
            using System;

            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellRingAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellStatusReadAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellConnectAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellNotifyAttribute : Attribute { }

            public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

            public sealed class NativeDoorbell
            {
                [DoorbellRing] public void Ring(ulong writePointer) { }
                [DoorbellStatusRead] public DoorbellStatus ReadStatus() => DoorbellStatus.Connected;
                [DoorbellConnect] public void Connect() { }
                [DoorbellNotify] public void Notify() { }
            }
        }
        """;

    [Fact]
    public async Task Own_attributes_and_own_status_enum_are_checked_without_the_runtime()
    {
        await VerifyWithoutRuntimeAsync("""
            using Contoso.Gpu;

            class Submitter
            {
                void Bare(NativeDoorbell d) { {|#0:d.Ring(1)|}; }

                void Correct(NativeDoorbell d, ulong tail)
                {
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(tail);
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                            d.Connect();
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                        throw new System.InvalidOperationException("device lost");
                    if (status == DoorbellStatus.ConnectedNotify)
                        d.Notify();
                }

                void NoNotify(NativeDoorbell d, ulong tail)
                {
                    DoorbellStatus status;
                    do
                    {
                        {|#1:d.Ring(tail)|};
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                            d.Connect();
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                        throw new System.InvalidOperationException("device lost");
                }
            }
            """ + NativeDoorbell,
            null,
            DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("d"),
            DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(1).WithArguments("d"));
    }

    [Fact]
    public async Task Static_wrappers_act_on_their_first_parameter()
    {
        await VerifyWithoutRuntimeAsync("""
            using Contoso.Gpu;

            static class Kicks
            {
                [DoorbellRing] public static void Kick(this NativeDoorbell d, ulong tail) => d.Ring(tail);
            }

            class Submitter
            {
                void Bare(NativeDoorbell d) { {|#0:d.Kick(1)|}; }
                void Read(NativeDoorbell d)
                {
                    Kicks.Kick(d, 1);
                    var s = d.ReadStatus();
                    if (s == DoorbellStatus.ConnectedNotify) d.Notify();
                    if (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); Read(d); return; }
                    if (s == DoorbellStatus.DisconnectedAbort) throw new System.InvalidOperationException();
                }
            }
            """ + NativeDoorbell,
            null,
            DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("d"));
    }

    [Fact]
    public async Task Wrappers_named_only_in_editorconfig_are_checked_without_the_runtime()
    {
        await VerifyWithoutRuntimeAsync("""
            namespace Vendor
            {
                public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }
                public sealed class Queue
                {
                    public void Kick(ulong tail) { }
                    public DoorbellStatus Status() => DoorbellStatus.Connected;
                }
            }

            class Submitter
            {
                void Bare(Vendor.Queue q) { {|#0:q.Kick(1)|}; }
            }
            """,
            """
            root = true
            [*.cs]
            doorbellguard.ring_methods = M:Vendor.Queue.Kick(System.UInt64)
            doorbellguard.status_read_methods = M:Vendor.Queue.Status
            """,
            DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("q"));
    }

    [Fact]
    public async Task Methods_named_Ring_without_runtime_attributes_or_options_are_ignored()
    {
        await VerifyWithoutRuntimeAsync("""
            class Bell { public void Ring(ulong v) { } public void Connect() { } }
            class C { void M(Bell b) { b.Ring(1); } }
            """, null);
    }

    private static async Task VerifyWithoutRuntimeAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new WithoutRuntime { TestCode = source };
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private sealed class WithoutRuntime : CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>
    {
        public WithoutRuntime() => ReferenceAssemblies = ReferenceAssemblies.Net.Net80;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => DoorbellVerifier.AllAnalyzers();
    }
}

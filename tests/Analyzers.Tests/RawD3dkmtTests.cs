using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// Code that calls D3DKMT itself, compiled without the DoorbellGuard runtime and without any attribute: the create
/// structure is the doorbell, a store through its doorbell address rings it, a load through its status address reads
/// it, and the user's own D3DKMTConnectDoorbell and D3DKMTNotifyWorkSubmission count for the doorbell whose handle
/// their structure carries. DBL001-DBL005 hold on it as on the runtime's API.
/// </summary>
public partial class RawD3dkmtTests
{
    /// <summary>The documentation's loop, ported to C#: connect first, then ring, read, notify or reconnect and go again.</summary>
    private const string DocumentedLoop = """
        using Contoso.Umd;
        using static Contoso.Umd.Gdi;

        unsafe class Submitter
        {
            bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
            {
                var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                if (D3DKMTConnectDoorbell(&connect) < 0)
                    return false;
                ulong status;
                do
                {
                    *(ulong*)create.DoorbellCPUVirtualAddress = writePointer;
                    status = *(ulong*)create.DoorbellStatusCPUVirtualAddress;
                    if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY)
                    {
                        var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                        D3DKMTNotifyWorkSubmission(&notify);
                    }
                    else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY)
                    {
                        if (D3DKMTConnectDoorbell(&connect) < 0)
                            return false;
                    }
                    else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)
                    {
                        return false;
                    }
                }
                while (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY);
                return true;
            }
        }
        """;

    [Fact]
    public async Task The_documented_loop_ported_to_CSharp_is_clean() =>
        await VerifyRawAsync(DocumentedLoop + RawBindings.DllImports);

    [Fact]
    public async Task A_ring_whose_status_is_never_read_is_DBL001() =>
        await VerifyRawAsync("""
            using Contoso.Umd;

            unsafe class Submitter
            {
                void Kick(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
                    {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                }
            }
            """ + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task A_loop_that_forgets_the_notify_is_DBL003() =>
        await VerifyRawAsync(DocumentedLoop.Replace("D3DKMTNotifyWorkSubmission(&notify);", "_ = notify;")
            .Replace("*(ulong*)create.DoorbellCPUVirtualAddress = writePointer;", "{|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};") + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task A_loop_that_takes_abort_for_success_is_DBL004() =>
        await VerifyRawAsync(DocumentedLoop.Replace("else if (status == (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)",
            "else if (status > (ulong)D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT)").Replace("*(ulong*)create.DoorbellCPUVirtualAddress = writePointer;", "{|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};") + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.AbortTreatedAsSuccess).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task A_loop_without_the_reconnect_is_DBL002() =>
        await VerifyRawAsync("""
            using Contoso.Umd;
            using static Contoso.Umd.Gdi;

            unsafe class Submitter
            {
                bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
                    {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                    var status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                    if (status == 1)
                    {
                        var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell };
                        D3DKMTNotifyWorkSubmission(&notify);
                    }

                    return status != 3;
                }
            }
            """ + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.DisconnectNotRetried).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task Ringing_a_freshly_created_doorbell_before_connecting_it_is_DBL005() =>
        await VerifyRawAsync("""
            using Contoso.Umd;
            using static Contoso.Umd.Gdi;

            unsafe class Submitter
            {
                void Start(uint queue, ulong writePointer)
                {
                    var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
                    D3DKMTCreateDoorbell(&create);
                    var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                    ulong status;
                    do
                    {
                        {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                        status = *(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF;
                        if (status == 3) throw new System.InvalidOperationException("device lost");
                        if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; D3DKMTNotifyWorkSubmission(&notify); }
                        if (status == 2) D3DKMTConnectDoorbell(&connect);
                    }
                    while (status == 2);
                }
            }
            """ + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task A_created_doorbell_connected_before_its_first_ring_is_clean() =>
        await VerifyRawAsync("""
            using Contoso.Umd;
            using static Contoso.Umd.Gdi;

            unsafe class Submitter
            {
                bool Start(uint queue, ulong writePointer)
                {
                    var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
                    if (D3DKMTCreateDoorbell(&create) < 0) return false;
                    var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                    if (D3DKMTConnectDoorbell(&connect) < 0) return false;
                    uint status;
                    do
                    {
                        *(ulong*)create.DoorbellCPUVirtualAddress = writePointer;
                        status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                        if (status == 3) return false;
                        if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; D3DKMTNotifyWorkSubmission(&notify); }
                        if (status == 2 && D3DKMTConnectDoorbell(&connect) < 0) return false;
                    }
                    while (status == 2);
                    return true;
                }
            }
            """ + RawBindings.DllImports);

    [Fact]
    public async Task A_private_ring_helper_is_reported_at_its_call_when_the_caller_never_reads() =>
        await VerifyRawAsync("""
            using Contoso.Umd;

            unsafe class Submitter
            {
                private static void Ring(ref D3DKMT_CREATE_DOORBELL doorbell, ulong writePointer) =>
                    *(ulong*)doorbell.DoorbellCPUVirtualAddress = writePointer;

                private static uint Status(ref D3DKMT_CREATE_DOORBELL doorbell) =>
                    (uint)*(ulong*)doorbell.DoorbellStatusCPUVirtualAddress;

                public void Bare(ref D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
                    {|#0:Ring(ref create, writePointer)|};
                }

                public bool Checked(ref D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
                    var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                    while (true)
                    {
                        Ring(ref create, writePointer);
                        var status = Status(ref create);
                        if (status == 3) return false;
                        if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; Kmt.D3DKMTNotifyWorkSubmission(ref notify); }
                        if (status != 2) return true;
                        if (Kmt.D3DKMTConnectDoorbell(ref connect) < 0) return false;
                    }
                }
            }
            """ + RawBindings.RefImports,
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task The_newer_layouts_name_the_doorbell_by_the_queue_it_was_created_for() =>
        await VerifyRawAsync("""
            using Contoso.Umd;
            using static Contoso.Umd.Gdi;

            public struct D3DKMT_CONNECT_DOORBELL_28000 { public uint hHwQueue; public uint Flags; }

            unsafe class Submitter
            {
                [System.Runtime.InteropServices.DllImport("gdi32.dll", EntryPoint = "D3DKMTConnectDoorbell")]
                static extern int Connect(D3DKMT_CONNECT_DOORBELL_28000* args);

                bool Start(uint queue, ulong writePointer)
                {
                    var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
                    if (D3DKMTCreateDoorbell(&create) < 0) return false;
                    var connect = new D3DKMT_CONNECT_DOORBELL_28000 { hHwQueue = queue };
                    if (Connect(&connect) < 0) return false;
                    uint status;
                    do
                    {
                        *(ulong*)create.DoorbellCPUVirtualAddress = writePointer;
                        status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                        if (status == 3) return false;
                        if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; D3DKMTNotifyWorkSubmission(&notify); }
                        if (status == 2 && Connect(&connect) < 0) return false;
                    }
                    while (status == 2);
                    return true;
                }
            }
            """ + RawBindings.DllImports);

    [Fact]
    public async Task A_pointer_to_the_create_structure_is_the_doorbell() =>
        await VerifyRawAsync("""
            using Contoso.Umd;

            unsafe class Submitter
            {
                void Kick(D3DKMT_CREATE_DOORBELL* create, ulong writePointer)
                {
                    {|#0:*(ulong*)create->DoorbellCPUVirtualAddress = writePointer|};
                }
            }
            """ + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("create"));

    [Fact]
    public async Task LibraryImport_declarations_are_the_functions() =>
        await VerifyRawAsync("""
            using System.Runtime.InteropServices;
            using Contoso.Umd;

            static unsafe partial class Lib
            {
                [LibraryImport("gdi32.dll")] public static partial int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);
                [LibraryImport("gdi32.dll")] public static partial int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args);
            }

            // What the LibraryImport generator emits, declared here because the test compiles without it.
            static unsafe partial class Lib
            {
                public static partial int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args) => 0;
                public static partial int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args) => 0;
            }

            unsafe class Submitter
            {
                bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
                    var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                    while (true)
                    {
                        {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                        var status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                        if (status == 3) return false;
                        if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; Lib.D3DKMTNotifyWorkSubmission(&notify); }
                        if (status != 2) return true;
                    }
                }
            }
            """ + RawBindings.Structures,
            VerifyCS.Diagnostic(Descriptors.DisconnectNotRetried).WithLocation(0).WithArguments("create"));

    [Theory]
    [InlineData("case 1: var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; Gdi.D3DKMTNotifyWorkSubmission(&notify); return true;", false)]
    [InlineData("case 1: return true;", true)]
    public async Task A_switch_on_the_status_number_tests_the_status(string notifyCase, bool reported) =>
        await VerifyRawAsync($$"""
            using Contoso.Umd;

            unsafe class Submitter
            {
                bool Submit(ref D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
                    {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                    var status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                    switch (status)
                    {
                        case 0: return true;
                        {{notifyCase}}
                        case 2:
                            var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                            if (Gdi.D3DKMTConnectDoorbell(&connect) < 0) return false;
                            return Submit(ref create, writePointer);
                        default: return false;
                    }
                }
            }
            """ + RawBindings.DllImports,
            reported ? new[] { VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(0).WithArguments("create") } : System.Array.Empty<DiagnosticResult>());

    [Fact]
    public async Task Code_that_names_the_structures_but_never_rings_is_silent() =>
        await VerifyRawAsync("""
            using Contoso.Umd;

            unsafe class Diagnostics
            {
                ulong Peek(D3DKMT_CREATE_DOORBELL create) => *(ulong*)create.DoorbellStatusCPUVirtualAddress;
                void Fence(D3DKMT_CREATE_DOORBELL create, ulong value) => *(ulong*)create.HwQueueProgressFenceLastQueuedValueCPUVirtualAddress = value;
                void Packet(ulong* ring, ulong value) { ring[0] = value; *ring = value; }
                bool Compare(uint count) => count == 2;
            }
            """ + RawBindings.DllImports);

    /// <summary>Verifies on both translation paths: the structured one and the control-flow graph must agree on raw code.</summary>
    internal static async Task VerifyRawAsync(string source, params DiagnosticResult[] expected)
    {
        foreach (var graphOnly in new[] { false, true })
        {
            var test = new WithoutRuntime(graphOnly) { TestCode = source };
            // These sources ring with the header's plain stores as often as with Volatile.Write: the store's ordering is
            // DBL006's, tested in Dbl006Tests; here the protocol alone is checked.
            test.DisabledDiagnostics.Add("DBL006");
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>Compiled against .NET 8 alone, with /unsafe: no DoorbellGuard runtime, as a user of the analyzer package alone.</summary>
    private sealed class WithoutRuntime : CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>
    {
        private readonly bool _graphOnly;

        public WithoutRuntime(bool graphOnly)
        {
            _graphOnly = graphOnly;
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
            });
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            _graphOnly ? new DiagnosticAnalyzer[] { new DoorbellProtocolAnalyzer(DoorbellGuard.Analyzers.Registration.AnalysisSettings.GraphOnly) } : VerifyCS.AllAnalyzers();
    }
}

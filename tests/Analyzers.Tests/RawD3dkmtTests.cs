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
public class RawD3dkmtTests
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

    internal static async Task VerifyRawAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new WithoutRuntime { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Compiled against .NET 8 alone, with /unsafe: no DoorbellGuard runtime, as a user of the analyzer package alone.</summary>
    private sealed class WithoutRuntime : CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>
    {
        public WithoutRuntime()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
            });
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => VerifyCS.AllAnalyzers();
    }
}

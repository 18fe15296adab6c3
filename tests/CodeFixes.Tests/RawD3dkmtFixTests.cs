using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static DoorbellGuard.Analyzers.Descriptors;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// DBL005 on raw D3DKMT code, fixed in the user's own names: a connect with their structure and their
/// D3DKMTConnectDoorbell, called as their D3DKMTCreateDoorbell is, right after the creation. Compiled without the
/// DoorbellGuard runtime; the fixed code compiles and is clean (Fix All included).
/// </summary>
public class RawD3dkmtFixTests
{
    private const string Bindings = """

        namespace Contoso.Umd
        {
            public struct D3DKMT_CREATE_DOORBELL
            {
                public uint hHwQueue, hRingBuffer, hRingBufferControl, Flags, PrivateDriverDataSize;
                public System.IntPtr PrivateDriverData, DoorbellCPUVirtualAddress, DoorbellSecondaryCPUVirtualAddress, DoorbellStatusCPUVirtualAddress, HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
                public uint hDoorbell;
            }

            public struct D3DKMT_CONNECT_DOORBELL { public uint hDoorbell; public uint Flags; }
            public struct D3DKMT_NOTIFY_WORK_SUBMISSION { public uint hDoorbell; public uint Flags; }

            public static unsafe class Gdi
            {
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(D3DKMT_CREATE_DOORBELL* args);
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args);
            }

            public static class Kmt
            {
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(ref D3DKMT_CREATE_DOORBELL args);
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(ref D3DKMT_CONNECT_DOORBELL args);
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTNotifyWorkSubmission(ref D3DKMT_NOTIFY_WORK_SUBMISSION args);
            }
        }
        """;

    /// <summary>The documented loop after <paramref name="creation"/>, whose first ring is marked #0.</summary>
    private static string Start(string creation, string connectCall = "Gdi.D3DKMTConnectDoorbell(&connect)", string notifyCall = "Gdi.D3DKMTNotifyWorkSubmission(&notify)") => $$"""
        using Contoso.Umd;

        unsafe class Submitter
        {
            bool Start(uint queue, ulong writePointer)
            {
                var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
                {{creation}}
                var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                uint status;
                do
                {
                    {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                    status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                    if (status == 3) return false;
                    if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; {{notifyCall}}; }
                    if (status == 2 && {{connectCall}} < 0) return false;
                }
                while (status == 2);
                return true;
            }
        }
        """ + Bindings;

    [Fact]
    public async Task A_connect_with_the_users_own_structure_and_function_follows_the_creation() =>
        await VerifyAsync(
            Start("if (Gdi.D3DKMTCreateDoorbell(&create) < 0) return false;"),
            Start("""
                if (Gdi.D3DKMTCreateDoorbell(&create) < 0) return false;
                        var connect2 = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                        Gdi.D3DKMTConnectDoorbell(&connect2);
                """).Replace("{|#0:", "").Replace("|};", ";"));

    [Fact]
    public async Task Ref_bindings_are_called_by_ref() =>
        await VerifyAsync(
            Start("Kmt.D3DKMTCreateDoorbell(ref create);", "Kmt.D3DKMTConnectDoorbell(ref connect)", "Kmt.D3DKMTNotifyWorkSubmission(ref notify)"),
            Start("""
                Kmt.D3DKMTCreateDoorbell(ref create);
                        var connect2 = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                        Kmt.D3DKMTConnectDoorbell(ref connect2);
                """, "Kmt.D3DKMTConnectDoorbell(ref connect)", "Kmt.D3DKMTNotifyWorkSubmission(ref notify)").Replace("{|#0:", "").Replace("|};", ";"));

    [Fact]
    public async Task No_fix_when_no_connect_is_declared_beside_the_create_function()
    {
        var source = Start("Lone.D3DKMTCreateDoorbell(&create);") + """

            static unsafe class Lone
            {
                [System.Runtime.InteropServices.DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(Contoso.Umd.D3DKMT_CREATE_DOORBELL* args);
            }
            """;
        var test = new RawTest { TestCode = source, FixedCode = source };
        var expected = CodeFixVerifier<RawConnectBeforeFirstRingCodeFixProvider>.Diagnostic(RingBeforeConnect).WithLocation(0).WithArguments("create");
        test.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static async Task VerifyAsync(string source, string fixedSource)
    {
        var test = new RawTest { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.Add(CodeFixVerifier<RawConnectBeforeFirstRingCodeFixProvider>.Diagnostic(RingBeforeConnect).WithLocation(0).WithArguments("create"));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>No runtime reference, unsafe code allowed: a user of the analyzer package alone.</summary>
    private sealed class RawTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, RawConnectBeforeFirstRingCodeFixProvider, DefaultVerifier>
    {
        public RawTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
            // The header's plain store is DBL006's, fixed by its own provider (UseVolatileWriteTests); here only the connect.
            DisabledDiagnostics.Add("DBL006");
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => FixRunner.Analyzers;
    }
}

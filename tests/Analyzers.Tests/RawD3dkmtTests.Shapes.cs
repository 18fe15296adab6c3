using System.Threading;
using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>The shapes raw code takes: every form of ring and read, every binding style, pointers kept in fields.</summary>
public partial class RawD3dkmtTests
{
    /// <summary>A complete submission with ring and read written <paramref name="ring"/> and <paramref name="read"/>, connect and notify through <c>ref</c> bindings.</summary>
    private static string RefSubmission(string setup, string ring, string read, string notify = "Kmt.D3DKMTNotifyWorkSubmission(ref notify);") => $$"""
        using System;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Threading;
        using Contoso.Umd;

        unsafe class Submitter
        {
            bool Submit(ref D3DKMT_CREATE_DOORBELL create, ulong writePointer)
            {
                {{setup}}
                var connect = new D3DKMT_CONNECT_DOORBELL();
                connect.hDoorbell = create.hDoorbell;
                var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION();
                notify.hDoorbell = create.hDoorbell;
                while (true)
                {
                    {{ring}};
                    var status = {{read}};
                    if (status == 3) return false;
                    if (status == 1) { {{notify}} }
                    if (status != 2) return true;
                    if (Kmt.D3DKMTConnectDoorbell(ref connect) != 0) return false;
                }
            }
        }
        """ + RawBindings.RefImports;

    public static readonly TheoryData<string, string, string> RingAndReadForms = new()
    {
        { "", "*(ulong*)create.DoorbellCPUVirtualAddress = writePointer", "(uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress" },
        { "", "*(ulong*)create.DoorbellSecondaryCPUVirtualAddress = writePointer", "*(ulong*)create.DoorbellStatusCPUVirtualAddress & 0xFFFFFFFF" },
        { "var bell = (ulong*)create.DoorbellCPUVirtualAddress; var word = (ulong*)create.DoorbellStatusCPUVirtualAddress;", "Volatile.Write(ref *bell, writePointer)", "(uint)Volatile.Read(ref *word)" },
        { "ulong* bell = (ulong*)create.DoorbellCPUVirtualAddress;", "Interlocked.Exchange(ref *bell, writePointer)", "(uint)Interlocked.Read(ref *(long*)create.DoorbellStatusCPUVirtualAddress)" },
        { "", "Unsafe.Write((void*)create.DoorbellCPUVirtualAddress, writePointer)", "(uint)Unsafe.Read<ulong>((void*)create.DoorbellStatusCPUVirtualAddress)" },
        { "", "Marshal.WriteInt64(create.DoorbellCPUVirtualAddress, (long)writePointer)", "(uint)Marshal.ReadInt64(create.DoorbellStatusCPUVirtualAddress)" },
        { "var copy = create;", "*(ulong*)copy.DoorbellCPUVirtualAddress = writePointer", "(uint)*(ulong*)copy.DoorbellStatusCPUVirtualAddress" },
        { "", "((ulong*)create.DoorbellCPUVirtualAddress)[0] = writePointer", "(uint)((ulong*)create.DoorbellStatusCPUVirtualAddress)[0]" },
        { "", "*(ulong*)create.DoorbellCPUVirtualAddress = writePointer", "(D3DDDI_DOORBELLSTATUS)(uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress" },
    };

    [Theory]
    [MemberData(nameof(RingAndReadForms))]
    public async Task Every_form_of_ring_and_read_is_clean_in_a_complete_submission(string setup, string ring, string read) =>
        await VerifyRawAsync(Enumify(RefSubmission(setup, ring, read), read));

    [Theory]
    [MemberData(nameof(RingAndReadForms))]
    public async Task Every_form_of_ring_is_reported_when_the_notify_is_missing(string setup, string ring, string read) =>
        await VerifyRawAsync(Enumify(RefSubmission(setup, "{|#0:" + ring + "|}", read, notify: ""), read),
            VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(0));

    /// <summary>With a status of the header's enum type, compare with its members.</summary>
    private static string Enumify(string source, string read) => !read.StartsWith("(D3DDDI", System.StringComparison.Ordinal) ? source : source
        .Replace("status == 3", "status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT")
        .Replace("status == 1", "status == D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY")
        .Replace("status != 2", "status != D3DDDI_DOORBELLSTATUS.D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY");

    [Fact]
    public async Task Function_pointers_and_delegates_named_as_the_header_are_the_functions() =>
        await VerifyRawAsync("""
            using Contoso.Umd;
            using static Contoso.Umd.Exports;

            unsafe class Submitter
            {
                bool Start(uint queue, ulong writePointer)
                {
                    var create = new D3DKMT_CREATE_DOORBELL { hHwQueue = queue };
                    D3DKMTCreateDoorbell(&create);
                    var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = create.hDoorbell };
                    uint status;
                    do
                    {
                        {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = writePointer|};
                        status = (uint)*(ulong*)create.DoorbellStatusCPUVirtualAddress;
                        if (status == 3) return false;
                        if (status == 1) { var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = create.hDoorbell }; D3DKMTNotifyWorkSubmission(&notify); }
                        if (status == 2 && D3DKMTConnectDoorbell(&connect) < 0) return false;
                    }
                    while (status == 2);
                    return true;
                }

                bool Submit(D3DKMT_CREATE_DOORBELL create, ulong writePointer)
                {
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
            """ + RawBindings.Pointers,
            VerifyCS.Diagnostic(Descriptors.RingBeforeConnect).WithLocation(0).WithArguments("create"));

    /// <summary>A submitter that keeps the mapped addresses in fields: set in the constructor, rung and read in Submit.</summary>
    private const string FieldSubmitter = """
        using Contoso.Umd;
        using static Contoso.Umd.Gdi;

        sealed unsafe class Submitter
        {
            private readonly ulong* _bell;
            private readonly ulong* _status;
            private readonly uint _handle;

            public Submitter(D3DKMT_CREATE_DOORBELL create)
            {
                _bell = (ulong*)create.DoorbellCPUVirtualAddress;
                _status = (ulong*)create.DoorbellStatusCPUVirtualAddress;
                _handle = create.hDoorbell;
            }

            public bool Submit(ulong writePointer)
            {
                var connect = new D3DKMT_CONNECT_DOORBELL { hDoorbell = _handle };
                while (true)
                {
                    RING;
                    var status = (uint)*_status;
                    if (status == 3) return false;
                    if (status == 1) { NOTIFY }
                    if (status != 2) return true;
                    if (D3DKMTConnectDoorbell(&connect) < 0) return false;
                }
            }
        }
        """;

    [Fact]
    public async Task Pointers_copied_into_fields_ring_and_read_the_doorbell_they_came_from() =>
        await VerifyRawAsync(FieldSubmitter.Replace("RING", "*_bell = writePointer")
            .Replace("NOTIFY", "var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = _handle }; D3DKMTNotifyWorkSubmission(&notify);") + RawBindings.DllImports);

    [Fact]
    public async Task A_connect_whose_handle_cannot_be_traced_silences_the_field_doorbell_rather_than_guess()
    {
        // The connect's handle comes from a call: the analyzer cannot tell it is _bell's doorbell, so it says nothing.
        var source = FieldSubmitter.Replace("RING", "*_bell = writePointer").Replace("hDoorbell = _handle };\n        while", "hDoorbell = Lookup() };\n        while")
            .Replace("NOTIFY", "var notify = new D3DKMT_NOTIFY_WORK_SUBMISSION { hDoorbell = _handle }; D3DKMTNotifyWorkSubmission(&notify);")
            .Replace("public Submitter(", "private static uint Lookup() => 7;\n\n    public Submitter(") + RawBindings.DllImports;
        Assert.Contains("{ hDoorbell = Lookup() }", source, System.StringComparison.Ordinal);
        await VerifyRawAsync(source);
    }

    [Fact]
    public async Task Pointers_copied_into_fields_are_reported_when_the_notify_is_missing() =>
        await VerifyRawAsync(FieldSubmitter.Replace("RING", "{|#0:*_bell = writePointer|}").Replace("NOTIFY", "") + RawBindings.DllImports,
            VerifyCS.Diagnostic(Descriptors.NotifyNotCalled).WithLocation(0).WithArguments("_bell"));

    [Fact]
    public async Task A_method_in_another_file_that_rings_only_through_a_copied_field_is_analyzed()
    {
        foreach (var graphOnly in new[] { false, true })
        {
            var test = new WithoutRuntime(graphOnly);
            test.TestState.Sources.Add(("/0/Submitter.cs", """
                using Contoso.Umd;

                sealed unsafe partial class Submitter
                {
                    private readonly ulong* _bell;

                    public Submitter(D3DKMT_CREATE_DOORBELL create) => _bell = (ulong*)create.DoorbellCPUVirtualAddress;
                }
                """ + RawBindings.DllImports));
            test.TestState.Sources.Add(("/0/Submitter.Kick.cs", """
                sealed unsafe partial class Submitter
                {
                    public void Kick(ulong writePointer) { {|#0:*_bell = writePointer|}; }
                }
                """));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("_bell"));
            await test.RunAsync(CancellationToken.None);
        }
    }
}

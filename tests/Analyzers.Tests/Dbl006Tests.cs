using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>DBL006: a doorbell written with an ordinary store, in a ring wrapper of the user's own or through a raw doorbell address.</summary>
public class Dbl006Tests
{
    /// <summary>A ring wrapper over mapped pages: the packet goes into the ring, then the doorbell is written.</summary>
    private const string MappedQueue = """
        using System.Threading;
        using DoorbellGuard;

        public sealed unsafe class MappedQueue
        {
            private readonly ulong* _ring;
            private readonly ulong* _doorbellVa;
            private readonly ulong* _secondaryVa;
            private readonly ulong* _statusVa;
            private readonly ulong _mask;

            public MappedQueue(ulong* ring, ulong* doorbellVa, ulong* secondaryVa, ulong* statusVa, ulong mask)
            {
                _ring = ring;
                _doorbellVa = doorbellVa;
                _secondaryVa = secondaryVa;
                _statusVa = statusVa;
                _mask = mask;
            }

            [DoorbellStatusRead] public DoorbellStatus Status() => (DoorbellStatus)(uint)Volatile.Read(ref *_statusVa);

        """;

    private static DiagnosticResult Expected(int location, string address) =>
        VerifyCS.Diagnostic(Descriptors.RingStoreNotPublished).WithLocation(location).WithArguments(address);

    [Fact]
    public async Task A_wrapper_that_writes_packets_then_the_doorbell_with_a_plain_store_is_reported_at_the_doorbell_store_only()
    {
        await VerifyUnsafeAsync(MappedQueue + """
                [DoorbellRing]
                public void Kick(ulong packet, ulong writePointer)
                {
                    _ring[writePointer & _mask] = packet;
                    *(_ring + ((writePointer + 1) & _mask)) = packet;
                    {|#0:*_doorbellVa = writePointer|};
                }
            }
            """, Expected(0, "_doorbellVa"));
    }

    [Theory]
    [InlineData("Volatile.Write(ref *_doorbellVa, writePointer);")]
    [InlineData("Interlocked.Exchange(ref *_doorbellVa, writePointer);")]
    [InlineData("Volatile.Write(ref System.Runtime.CompilerServices.Unsafe.AsRef<ulong>(_doorbellVa), writePointer);")]
    [InlineData("Interlocked.MemoryBarrier(); *_doorbellVa = writePointer;")]
    [InlineData("Thread.MemoryBarrier(); _doorbellVa[0] = writePointer;")]
    [InlineData("if (writePointer == 0) { Interlocked.MemoryBarrier(); } else { Thread.MemoryBarrier(); } *_doorbellVa = writePointer;")]
    [InlineData("try { Interlocked.MemoryBarrier(); } finally { } *_doorbellVa = writePointer;")]
    [InlineData("_ = Interlocked.Increment(ref _rings); *_doorbellVa = writePointer;")]
    [InlineData("_ring[writePointer & _mask] = 1;")]
    public async Task A_wrapper_that_publishes_its_store_is_silent(string body)
    {
        await VerifyUnsafeAsync(MappedQueue + """
                private long _rings;

                [DoorbellRing]
                public void Kick(ulong packet, ulong writePointer)
                {
                    _ring[writePointer & _mask] = packet;
            """ + body + """

                }
            }
            """);
    }

    [Theory]
    [InlineData("if (writePointer != 0) Interlocked.MemoryBarrier();")]
    [InlineData("while (writePointer > 100) { Interlocked.MemoryBarrier(); writePointer--; }")]
    [InlineData("Volatile.Write(ref _last, writePointer);")]
    [InlineData("System.Action fence = () => Interlocked.MemoryBarrier(); fence();")]
    public async Task A_barrier_on_only_some_paths_does_not_publish(string before)
    {
        await VerifyUnsafeAsync(MappedQueue + """
                private ulong _last;

                [DoorbellRing]
                public void Kick(ulong packet, ulong writePointer)
                {
                    _ring[writePointer & _mask] = packet;
            """ + before + """

                    {|#0:*_doorbellVa = writePointer|};
                }
            }
            """, Expected(0, "_doorbellVa"));
    }

    [Fact]
    public async Task A_goto_that_lands_after_the_barrier_skips_it()
    {
        await VerifyUnsafeAsync(MappedQueue + """
                [DoorbellRing]
                public void Kick(ulong writePointer)
                {
                    if (writePointer == 0)
                        goto ring;
                    Interlocked.MemoryBarrier();
                ring:
                    {|#0:*_doorbellVa = writePointer|};
                }
            }
            """, Expected(0, "_doorbellVa"));
    }

    [Fact]
    public async Task Both_doorbells_of_a_wrapper_are_reported_and_the_ring_call_that_follows_is_checked_as_before()
    {
        await VerifyUnsafeAsync(MappedQueue + """
                [DoorbellRing]
                public void Kick(ulong writePointer)
                {
                    {|#0:*_doorbellVa = writePointer|};
                    if (_secondaryVa != null)
                        {|#1:*_secondaryVa = writePointer|};
                }

                public void Submit(ulong writePointer)
                {
                    {|#2:Kick(writePointer)|};
                }
            }
            """,
            Expected(0, "_doorbellVa"), Expected(1, "_secondaryVa"),
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(2).WithArguments("this"));
    }

    [Fact]
    public async Task A_wrapper_whose_last_store_is_a_packet_slot_or_a_struct_reports_nothing()
    {
        await VerifyUnsafeAsync(MappedQueue + """
                public struct Packet { public ulong A, B; }

                [DoorbellRing]
                public void Kick(ulong writePointer, Packet packet)
                {
                    *_doorbellVa = writePointer;
                    _ring[writePointer & _mask] = writePointer;
                }

                [DoorbellRing]
                public void KickPacket(Packet* slot, Packet packet) => *slot = packet;
            }
            """);
    }

    [Fact]
    public async Task Unsafe_write_and_marshal_write_are_ordinary_stores_and_a_volatile_field_is_not()
    {
        await VerifyUnsafeAsync(MappedQueue + """
                public struct Bell { public volatile uint Value; }
                private readonly System.IntPtr _doorbellPtr;
                private readonly Bell* _bell;

                [DoorbellRing] public void KickUnsafe(ulong writePointer) => {|#0:System.Runtime.CompilerServices.Unsafe.Write(_doorbellVa, writePointer)|};
                [DoorbellRing] public void KickMarshal(long writePointer) => {|#1:System.Runtime.InteropServices.Marshal.WriteInt64(_doorbellPtr, writePointer)|};
                [DoorbellRing] public void KickVolatileField(uint writePointer) => _bell->Value = writePointer;
            }
            """, Expected(0, "_doorbellVa"), Expected(1, "_doorbellPtr"));
    }

    [Fact]
    public async Task A_wrapper_that_rings_through_the_runtime_has_no_store_of_its_own()
    {
        await VerifyUnsafeAsync("""
            using DoorbellGuard;

            public sealed unsafe class PacketKicker
            {
                private readonly Doorbell _doorbell;
                private readonly ulong* _ring;
                private ulong _wp;

                public PacketKicker(Doorbell doorbell, ulong* ring)
                {
                    _doorbell = doorbell;
                    _ring = ring;
                }

                [DoorbellRing]
                public void Kick(ulong packet)
                {
                    *_ring = packet;
                    _doorbell.Ring(_wp);
                }
            }
            """);
    }

    [Fact]
    public async Task A_setter_wrapper_and_a_wrapper_named_in_editorconfig_are_checked()
    {
        var source = """
            using DoorbellGuard;

            public sealed unsafe class Tail
            {
                private readonly ulong* _doorbellVa;
                public Tail(ulong* doorbellVa) => _doorbellVa = doorbellVa;

                public ulong WritePointer { get => 0; [DoorbellRing] set => {|#0:*_doorbellVa = value|}; }

                public void Kick(ulong writePointer) => {|#1:*_doorbellVa = writePointer|};

                public void NotAWrapper(ulong writePointer) => *_doorbellVa = writePointer;
            }
            """;
        await VerifyUnsafeAsync(source, "root = true\n[*.cs]\ndoorbellguard.ring_methods = M:Tail.Kick(System.UInt64)\n",
            withRuntime: true, Expected(0, "_doorbellVa"), Expected(1, "_doorbellVa"));
    }

    [Fact]
    public async Task Own_attributes_without_the_runtime_are_checked()
    {
        await VerifyUnsafeAsync("""
            namespace Contoso.Gpu
            {
                [System.AttributeUsage(System.AttributeTargets.Method)] sealed class DoorbellRingAttribute : System.Attribute { }

                public sealed unsafe class Channel
                {
                    private readonly uint* _ring;
                    private readonly uint* _doorbell;
                    public Channel(uint* ring, uint* doorbell) { _ring = ring; _doorbell = doorbell; }

                    [DoorbellRing]
                    public void Kick(uint packet, uint writePointer)
                    {
                        _ring[writePointer] = packet;
                        {|#0:*_doorbell = writePointer|};
                    }

                    [DoorbellRing]
                    public void KickPublished(uint packet, uint writePointer)
                    {
                        _ring[writePointer] = packet;
                        System.Threading.Volatile.Write(ref *_doorbell, writePointer);
                    }
                }
            }
            """, editorConfig: null, withRuntime: false, Expected(0, "_doorbell"));
    }

    private const string RawDoorbell = """

        namespace Contoso.Kmt
        {
            public unsafe struct D3DKMT_CREATE_DOORBELL
            {
                public uint hHwQueue, hRingBuffer, hRingBufferControl, Flags, PrivateDriverDataSize;
                public void* PrivateDriverData;
                public void* DoorbellCPUVirtualAddress;
                public void* DoorbellSecondaryCPUVirtualAddress;
                public void* DoorbellStatusCPUVirtualAddress;
                public void* HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
                public uint hDoorbell;
            }

            public struct D3DKMT_WIDE_DOORBELL
            {
                public System.IntPtr DoorbellCPUVirtualAddress;
            }
        }
        """;

    [Fact]
    public async Task A_raw_store_through_the_doorbell_address_is_reported_with_no_attribute_and_no_runtime()
    {
        await VerifyUnsafeAsync("""
            using System.Threading;
            using Contoso.Kmt;

            unsafe class Submitter
            {
                void Plain(D3DKMT_CREATE_DOORBELL create, ulong* ring, ulong wp)
                {
                    ring[wp] = 0xC0FFEE;
                    {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = wp|};
                }

                void ThroughLocal(D3DKMT_CREATE_DOORBELL create, ulong wp)
                {
                    var bell = (ulong*)create.DoorbellCPUVirtualAddress;
                    {|#1:*bell = wp|};
                    {|#2:((ulong*)create.DoorbellSecondaryCPUVirtualAddress)[0] = wp|};
                }

                void Wide(D3DKMT_WIDE_DOORBELL create, long wp) =>
                    {|#3:System.Runtime.InteropServices.Marshal.WriteInt64(create.DoorbellCPUVirtualAddress, wp)|};

                void Published(D3DKMT_CREATE_DOORBELL create, ulong* ring, ulong wp)
                {
                    ring[wp] = 0xC0FFEE;
                    Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, wp);
                    Interlocked.MemoryBarrier();
                    *(ulong*)create.DoorbellSecondaryCPUVirtualAddress = wp;
                }

                void NotTheDoorbell(D3DKMT_CREATE_DOORBELL create, ulong fence)
                {
                    *(ulong*)create.HwQueueProgressFenceLastQueuedValueCPUVirtualAddress = fence;
                    var status = *(ulong*)create.DoorbellStatusCPUVirtualAddress;
                    var p = (ulong*)create.DoorbellCPUVirtualAddress;
                    p = p + 1;
                    *p = fence;
                }
            }
            """ + RawDoorbell, editorConfig: null, withRuntime: false,
            Expected(0, "create.DoorbellCPUVirtualAddress"), Expected(1, "bell"), Expected(2, "create.DoorbellSecondaryCPUVirtualAddress"),
            Expected(3, "create.DoorbellCPUVirtualAddress"));
    }

    [Fact]
    public async Task A_raw_store_in_a_lambda_is_reported_and_a_barrier_outside_the_lambda_does_not_count()
    {
        await VerifyUnsafeAsync("""
            using System.Threading;
            using Contoso.Kmt;

            unsafe class Submitter
            {
                System.Action Later(D3DKMT_CREATE_DOORBELL create, ulong wp)
                {
                    Interlocked.MemoryBarrier();
                    return () => {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = wp|};
                }
            }
            """ + RawDoorbell, editorConfig: null, withRuntime: false, Expected(0, "create.DoorbellCPUVirtualAddress"));
    }

    [Fact]
    public async Task Ordinary_pointer_code_that_is_no_wrapper_and_names_no_doorbell_address_is_silent()
    {
        await VerifyUnsafeAsync("""
            unsafe class Copier
            {
                void Kick(ulong* bell, ulong wp) => *bell = wp;
                void Copy(ulong* to, ulong* from, int n) { for (var i = 0; i < n; i++) to[i] = from[i]; }
            }
            """ + RawDoorbell, editorConfig: null, withRuntime: false);
    }

    internal static async Task VerifyUnsafeAsync(string source, params DiagnosticResult[] expected) =>
        await VerifyUnsafeAsync(source, editorConfig: null, withRuntime: true, expected);

    internal static async Task VerifyUnsafeAsync(string source, string? editorConfig, bool withRuntime, params DiagnosticResult[] expected)
    {
        var test = new UnsafeTest(withRuntime) { TestCode = source };
        // Without the runtime the sources here are raw D3DKMT code or bare wrappers: their stores are this class's
        // subject, and the protocol rules on raw code have tests of their own (RawD3dkmtTests).
        if (!withRuntime)
            test.DisabledDiagnostics.AddRange(new[] { "DBL001", "DBL002", "DBL003", "DBL004", "DBL005" });
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private sealed class UnsafeTest : CSharpAnalyzerTest<DoorbellProtocolAnalyzer, DefaultVerifier>
    {
        public UnsafeTest(bool withRuntime)
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            if (withRuntime)
                TestState.AdditionalReferences.Add(VerifyCS.RuntimeReference);
            SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
            });
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => VerifyCS.AllAnalyzers();
    }
}

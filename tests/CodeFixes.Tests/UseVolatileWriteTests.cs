using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.UseVolatileWriteCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>DBL006's fix: the ordinary doorbell store becomes Volatile.Write, in wrappers and in raw D3DKMT code, one at a time and with Fix All.</summary>
public class UseVolatileWriteTests
{
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
        }
        """;

    private static DiagnosticResult Expected(int location, string address) =>
        VerifyCS.Diagnostic(RingStoreNotPublished).WithLocation(location).WithArguments(address);

    [Fact]
    public async Task A_wrapper_store_becomes_Volatile_Write_named_through_the_files_using()
    {
        await VerifyAsync("""
            using System.Threading;
            using DoorbellGuard;

            public sealed unsafe class MappedQueue
            {
                private readonly ulong* _ring;
                private readonly ulong* _doorbellVa;
                public MappedQueue(ulong* ring, ulong* doorbellVa) { _ring = ring; _doorbellVa = doorbellVa; }

                [DoorbellRing]
                public void Kick(ulong packet, ulong writePointer)
                {
                    _ring[writePointer] = packet;
                    {|#0:*_doorbellVa = writePointer|}; // the new tail
                }

                [DoorbellRing] public void KickFirst(ulong writePointer) => {|#1:_doorbellVa[0] = writePointer|};
            }
            """, """
            using System.Threading;
            using DoorbellGuard;

            public sealed unsafe class MappedQueue
            {
                private readonly ulong* _ring;
                private readonly ulong* _doorbellVa;
                public MappedQueue(ulong* ring, ulong* doorbellVa) { _ring = ring; _doorbellVa = doorbellVa; }

                [DoorbellRing]
                public void Kick(ulong packet, ulong writePointer)
                {
                    _ring[writePointer] = packet;
                    Volatile.Write(ref *_doorbellVa, writePointer); // the new tail
                }

                [DoorbellRing] public void KickFirst(ulong writePointer) => Volatile.Write(ref _doorbellVa[0], writePointer);
            }
            """, withRuntime: true, Expected(0, "_doorbellVa"), Expected(1, "_doorbellVa"));
    }

    [Fact]
    public async Task A_raw_store_keeps_its_cast_and_is_written_fully_qualified_without_a_using()
    {
        await VerifyAsync("""
            using Contoso.Kmt;

            unsafe class Submitter
            {
                void Submit(D3DKMT_CREATE_DOORBELL create, ulong* ring, ulong wp)
                {
                    ring[wp] = 0xC0FFEE;
                    {|#0:*(ulong*)create.DoorbellCPUVirtualAddress = wp|};
                    if (create.DoorbellSecondaryCPUVirtualAddress != null)
                    {
                        var secondary = (ulong*)create.DoorbellSecondaryCPUVirtualAddress;
                        {|#1:*secondary = wp|};
                    }
                }
            }
            """ + RawDoorbell, """
            using Contoso.Kmt;

            unsafe class Submitter
            {
                void Submit(D3DKMT_CREATE_DOORBELL create, ulong* ring, ulong wp)
                {
                    ring[wp] = 0xC0FFEE;
                    System.Threading.Volatile.Write(ref *(ulong*)create.DoorbellCPUVirtualAddress, wp);
                    if (create.DoorbellSecondaryCPUVirtualAddress != null)
                    {
                        var secondary = (ulong*)create.DoorbellSecondaryCPUVirtualAddress;
                        System.Threading.Volatile.Write(ref *secondary, wp);
                    }
                }
            }
            """ + RawDoorbell, withRuntime: false, Expected(0, "create.DoorbellCPUVirtualAddress"), Expected(1, "secondary"));
    }

    [Fact]
    public async Task Unsafe_Write_and_Marshal_WriteInt64_in_unsafe_code_become_a_store_through_a_typed_pointer()
    {
        await VerifyAsync("""
            using System;
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;
            using System.Threading;
            using DoorbellGuard;

            public sealed unsafe class Bells
            {
                private readonly ulong* _bell;
                private readonly void* _raw;
                private readonly IntPtr _ptr;

                [DoorbellRing] public void Typed(ulong wp) => {|#0:Unsafe.Write(_bell, wp)|};
                [DoorbellRing] public void Untyped(ulong wp) => {|#1:Unsafe.Write(_raw, wp)|};
                [DoorbellRing] public void Marshalled(long wp) => {|#2:Marshal.WriteInt64(_ptr, wp)|};
                [DoorbellRing] public void MarshalledAtZero(long wp) => {|#3:Marshal.WriteInt64(_ptr, 0, wp)|};
            }
            """, """
            using System;
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;
            using System.Threading;
            using DoorbellGuard;

            public sealed unsafe class Bells
            {
                private readonly ulong* _bell;
                private readonly void* _raw;
                private readonly IntPtr _ptr;

                [DoorbellRing] public void Typed(ulong wp) => Volatile.Write(ref *_bell, wp);
                [DoorbellRing] public void Untyped(ulong wp) => Volatile.Write(ref *(ulong*)_raw, wp);
                [DoorbellRing] public void Marshalled(long wp) => Volatile.Write(ref *(long*)_ptr, wp);
                [DoorbellRing] public void MarshalledAtZero(long wp) => Volatile.Write(ref *(long*)_ptr, wp);
            }
            """, withRuntime: true, Expected(0, "_bell"), Expected(1, "_raw"), Expected(2, "_ptr"), Expected(3, "_ptr"));
    }

    [Fact]
    public async Task Marshal_WriteInt64_in_safe_code_and_a_store_whose_value_is_used_are_not_rewritten()
    {
        const string source = """
            using System;
            using System.Runtime.InteropServices;
            using DoorbellGuard;

            public sealed class SafeBell
            {
                private readonly IntPtr _ptr;
                [DoorbellRing] public void Kick(long wp) => {|#0:Marshal.WriteInt64(_ptr, wp)|};
            }

            public sealed unsafe class UsedValue
            {
                private readonly ulong* _bell;
                [DoorbellRing] public ulong Kick(ulong wp) => {|#1:*_bell = wp|};
            }
            """;
        var expected = new[] { Expected(0, "_ptr"), Expected(1, "_bell") };
        var test = Unsafe(new VerifyCS.Test(withRuntime: true) { TestCode = source, FixedCode = source });
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static async Task VerifyAsync(string source, string fixedSource, bool withRuntime, params DiagnosticResult[] expected)
    {
        var test = Unsafe(new VerifyCS.Test(withRuntime) { TestCode = source, FixedCode = fixedSource });
        // Runtime-less sources here are raw D3DKMT stores: the protocol rules on them have their own fix tests.
        if (!withRuntime)
            test.DisabledDiagnostics.AddRange(new[] { "DBL001", "DBL002", "DBL003", "DBL004", "DBL005" });
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static VerifyCS.Test Unsafe(VerifyCS.Test test)
    {
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        return test;
    }
}

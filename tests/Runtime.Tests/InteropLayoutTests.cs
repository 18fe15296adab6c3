using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DoorbellGuard.Interop;

namespace DoorbellGuard.Tests;

/// <summary>The structs must match d3dkmthk.h and d3dukmdt.h of each header generation (10.0.26100 and 10.0.28000) on x64, byte for byte.</summary>
public class InteropLayoutTests
{
    [Theory]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.hHwQueue), 0)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.hRingBuffer), 4)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.hRingBufferControl), 8)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.Flags), 12)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.PrivateDriverDataSize), 16)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.PrivateDriverData), 24)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.DoorbellCPUVirtualAddress), 32)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.DoorbellSecondaryCPUVirtualAddress), 40)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.DoorbellStatusCPUVirtualAddress), 48)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.HwQueueProgressFenceLastQueuedValueCPUVirtualAddress), 56)]
    [InlineData(nameof(D3DKMT_CREATE_DOORBELL.hDoorbell), 64)]
    public void Create_doorbell_field_offsets_match_the_header(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<D3DKMT_CREATE_DOORBELL>(field));

    [Theory]
    [InlineData(typeof(D3DKMT_CONNECT_DOORBELL_26100), nameof(D3DKMT_CONNECT_DOORBELL_26100.hDoorbell), 0)]
    [InlineData(typeof(D3DKMT_CONNECT_DOORBELL_26100), nameof(D3DKMT_CONNECT_DOORBELL_26100.Flags), 4)]
    [InlineData(typeof(D3DKMT_NOTIFY_WORK_SUBMISSION_26100), nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_26100.hDoorbell), 0)]
    [InlineData(typeof(D3DKMT_NOTIFY_WORK_SUBMISSION_26100), nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_26100.Flags), 4)]
    [InlineData(typeof(D3DKMT_DESTROY_DOORBELL), nameof(D3DKMT_DESTROY_DOORBELL.hDoorbell), 0)]
    public void Header_26100_field_offsets_match(Type type, string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));

    [Theory]
    [InlineData(typeof(D3DKMT_CONNECT_DOORBELL_28000), nameof(D3DKMT_CONNECT_DOORBELL_28000.hHwQueue), 0)]
    [InlineData(typeof(D3DKMT_CONNECT_DOORBELL_28000), nameof(D3DKMT_CONNECT_DOORBELL_28000.Flags), 4)]
    [InlineData(typeof(D3DKMT_CONNECT_DOORBELL_28000), nameof(D3DKMT_CONNECT_DOORBELL_28000.DoorbellMapping), 8)]
    [InlineData(typeof(D3DKMT_CONNECT_DOORBELL_28000), nameof(D3DKMT_CONNECT_DOORBELL_28000.Reserved), 24)]
    [InlineData(typeof(D3DDDI_DOORBELLMAPPING), nameof(D3DDDI_DOORBELLMAPPING.CpuVa), 0)]
    [InlineData(typeof(D3DDDI_DOORBELLMAPPING), nameof(D3DDDI_DOORBELLMAPPING.SecondaryCpuVa), 8)]
    [InlineData(typeof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000), nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000.hHwQueue), 0)]
    [InlineData(typeof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000), nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000.Flags), 4)]
    [InlineData(typeof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000), nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000.PrivateDriverData), 8)]
    public void Header_28000_field_offsets_match(Type type, string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));

    [Fact]
    public void Struct_sizes_match_the_headers_on_x64()
    {
        Assert.Equal(8, IntPtr.Size); // the offsets and sizes here are the x64 (and Arm64) ones
        Assert.Equal(72, Unsafe.SizeOf<D3DKMT_CREATE_DOORBELL>());
        Assert.Equal(72, Marshal.SizeOf<D3DKMT_CREATE_DOORBELL>());
        Assert.Equal(4, Unsafe.SizeOf<D3DKMT_DESTROY_DOORBELL>());

        Assert.Equal(8, Unsafe.SizeOf<D3DKMT_CONNECT_DOORBELL_26100>());
        Assert.Equal(8, Unsafe.SizeOf<D3DKMT_NOTIFY_WORK_SUBMISSION_26100>());

        // 4 + 4 + D3DDDI_DOORBELLMAPPING (two pointers) + BYTE Reserved[64].
        Assert.Equal(16, Unsafe.SizeOf<D3DDDI_DOORBELLMAPPING>());
        Assert.Equal(88, Unsafe.SizeOf<D3DKMT_CONNECT_DOORBELL_28000>());
        Assert.Equal(88, Marshal.SizeOf<D3DKMT_CONNECT_DOORBELL_28000>());
        // 4 + 4 + BYTE PrivateDriverData[D3DDDI_UMS_PDD_SIZE], with D3DDDI_UMS_PDD_SIZE = 64.
        Assert.Equal(64, D3DKMT_NOTIFY_WORK_SUBMISSION_28000.D3DDDI_UMS_PDD_SIZE);
        Assert.Equal(72, Unsafe.SizeOf<D3DKMT_NOTIFY_WORK_SUBMISSION_28000>());
        Assert.Equal(72, Marshal.SizeOf<D3DKMT_NOTIFY_WORK_SUBMISSION_28000>());
    }

    [Fact]
    public void The_larger_layouts_begin_with_the_smaller_ones()
    {
        // Why forcing Build28000 on an older Windows is safe: its kernel reads and writes the first 8 bytes, which mean the same.
        Assert.Equal(Marshal.OffsetOf<D3DKMT_CONNECT_DOORBELL_26100>(nameof(D3DKMT_CONNECT_DOORBELL_26100.hDoorbell)),
            Marshal.OffsetOf<D3DKMT_CONNECT_DOORBELL_28000>(nameof(D3DKMT_CONNECT_DOORBELL_28000.hHwQueue)));
        Assert.Equal(Marshal.OffsetOf<D3DKMT_CONNECT_DOORBELL_26100>(nameof(D3DKMT_CONNECT_DOORBELL_26100.Flags)),
            Marshal.OffsetOf<D3DKMT_CONNECT_DOORBELL_28000>(nameof(D3DKMT_CONNECT_DOORBELL_28000.Flags)));
        Assert.Equal(Marshal.OffsetOf<D3DKMT_NOTIFY_WORK_SUBMISSION_26100>(nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_26100.Flags)),
            Marshal.OffsetOf<D3DKMT_NOTIFY_WORK_SUBMISSION_28000>(nameof(D3DKMT_NOTIFY_WORK_SUBMISSION_28000.Flags)));
    }

    [Fact]
    public void Structs_are_blittable()
    {
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<D3DKMT_CREATE_DOORBELL>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<D3DKMT_CONNECT_DOORBELL_28000>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<D3DKMT_NOTIFY_WORK_SUBMISSION_28000>());
        // Marshal.SizeOf equals the managed size only when no field needs marshalling.
        Assert.Equal(Unsafe.SizeOf<D3DKMT_CONNECT_DOORBELL_26100>(), Marshal.SizeOf<D3DKMT_CONNECT_DOORBELL_26100>());
        Assert.Equal(Unsafe.SizeOf<D3DKMT_NOTIFY_WORK_SUBMISSION_26100>(), Marshal.SizeOf<D3DKMT_NOTIFY_WORK_SUBMISSION_26100>());
    }

    [Fact]
    public void Create_flags_use_the_header_bits()
    {
        Assert.Equal(1u, (uint)DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress);
        Assert.Equal(2u, (uint)DoorbellCreateFlags.ResizeRingBufferOperation);
    }

    [Fact]
    public void Status_values_match_D3DDDI_DOORBELLSTATUS()
    {
        Assert.Equal(0, (int)DoorbellStatus.Connected);
        Assert.Equal(1, (int)DoorbellStatus.ConnectedNotify);
        Assert.Equal(2, (int)DoorbellStatus.DisconnectedRetry);
        Assert.Equal(3, (int)DoorbellStatus.DisconnectedAbort);
        Assert.Equal(4, Enum.GetValues<DoorbellStatus>().Length);
    }

    [Fact]
    public void Ntstatus_values_and_descriptions()
    {
        Assert.Equal(0xC000000Du, unchecked((uint)NtStatus.InvalidParameter));
        Assert.Equal(0xC00002B6u, unchecked((uint)NtStatus.DeviceRemoved));
        Assert.Equal(0xC00000BBu, unchecked((uint)NtStatus.NotSupported));
        Assert.Equal("0xC00002B6", NtStatus.ToHex(NtStatus.DeviceRemoved));
        Assert.StartsWith("0xC000000D (STATUS_INVALID_PARAMETER: ", NtStatus.Describe(NtStatus.InvalidParameter));
        Assert.StartsWith("0xC00000BB (STATUS_NOT_SUPPORTED: ", NtStatus.Describe(NtStatus.NotSupported));
        Assert.Contains("device is lost", NtStatus.Describe(NtStatus.DeviceRemoved));
        Assert.Contains("0xC0001234", NtStatus.Describe(unchecked((int)0xC0001234)));
        Assert.Contains("does not know", NtStatus.Describe(unchecked((int)0xC0001234)));
        Assert.True(NtStatus.IsSuccess(0));
        Assert.False(NtStatus.IsSuccess(NtStatus.InvalidParameter));
    }

    [Fact]
    public void Windows_backend_refuses_clearly_where_unsupported()
    {
        if (WindowsDoorbellKernel.IsSupported)
            return; // A WDDM 3.2 machine: the constructor must succeed instead.
        var ex = Assert.Throws<PlatformNotSupportedException>(() => new WindowsDoorbellKernel());
        Assert.Contains("Windows 11 24H2", ex.Message);
        Assert.Contains("WDDM 3.2", ex.Message);
        Assert.Contains("simulat", ex.Message);
        Assert.Contains(OperatingSystem.IsWindows() ? "does not export" : "not Windows", ex.Message);
    }

    [Fact]
    public void Missing_export_is_named()
    {
        string? reason = WindowsDoorbellKernel.FindUnsupportedReason(name => name != "D3DKMTNotifyWorkSubmission", isWindows: true);
        Assert.Equal("gdi32.dll does not export D3DKMTNotifyWorkSubmission (this Windows is older than 11 24H2)", reason);
        Assert.Null(WindowsDoorbellKernel.FindUnsupportedReason(_ => true, isWindows: true));
        Assert.StartsWith("this OS is not Windows", WindowsDoorbellKernel.FindUnsupportedReason(_ => true, isWindows: false));
        Assert.Contains("D3DKMTCreateDoorbell", WindowsDoorbellKernel.UnsupportedMessage(WindowsDoorbellKernel.FindUnsupportedReason(_ => false, isWindows: true)!));
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DoorbellGuard.Interop;

namespace DoorbellGuard.Tests;

/// <summary>
/// The Windows backend's marshalling, on any OS: its real code calls, through real unmanaged function pointers,
/// stand-ins for the gdi32.dll exports that read and write the structures at raw byte offsets, as a kernel of each
/// generation would. (gdi32.dll itself runs only on Windows 11 24H2 with a supporting driver.)
/// </summary>
public unsafe class WindowsKernelMarshallingTests : IDisposable
{
    private const uint DoorbellHandle = 0x77;

    // The stand-ins are static functions, so their memory and what they saw are static too; xunit runs one test of a class at a time.
    private static ulong* s_pages;
    private static uint s_createdFor, s_connectedHandle, s_destroyedHandle, s_notifiedHandle;
    private static bool s_notifyPrivateDataZero;
    private static nint s_mappingToReturn;

    public WindowsKernelMarshallingTests()
    {
        s_pages = (ulong*)NativeMemory.AllocZeroed(4096 * 4);
        s_createdFor = s_connectedHandle = s_destroyedHandle = s_notifiedHandle = 0;
        s_notifyPrivateDataZero = false;
        s_mappingToReturn = (nint)MovedDoorbellPage;
    }

    private static ulong* CreatedDoorbellPage => s_pages;
    private static ulong* StatusPage => s_pages + 512;
    private static ulong* FencePage => s_pages + 1024;
    private static ulong* MovedDoorbellPage => s_pages + 1536;

    public void Dispose() => NativeMemory.Free(s_pages);

    [Fact]
    public void Create_passes_the_inputs_and_reads_the_outputs_at_the_header_offsets()
    {
        var kernel = Kernel(osBuild: 26100, connect: &ConnectLikeBuild26100);

        int status = kernel.CreateDoorbell(new DoorbellCreateParameters(11, 12, 13, DoorbellCreateFlags.ResizeRingBufferOperation), out DoorbellMapping mapping);

        Assert.Equal(NtStatus.Success, status);
        Assert.Equal(11u | (12u << 8) | (13u << 16) | (2u << 24), s_createdFor);
        Assert.Equal(new DoorbellMapping(DoorbellHandle, (nint)CreatedDoorbellPage, 0, (nint)StatusPage, (nint)FencePage), mapping);
    }

    [Fact]
    public void Build26100_connect_passes_the_handle_and_the_doorbell_stays_where_it_was_created()
    {
        var kernel = Kernel(osBuild: 26100, connect: &ConnectLikeBuild26100);
        using Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));

        doorbell.Connect();
        DoorbellStatus status = doorbell.RingAndConfirm(64);

        Assert.Equal(DoorbellStructLayout.Build26100, kernel.StructLayout);
        Assert.Equal(DoorbellHandle, s_connectedHandle);
        Assert.Equal(DoorbellStatus.Connected, status);
        Assert.Equal((nint)CreatedDoorbellPage, doorbell.Mapping.DoorbellAddress);
        Assert.Equal(64UL, *CreatedDoorbellPage);
        Assert.Equal(0UL, *MovedDoorbellPage);
    }

    [Fact]
    public void Build28000_connect_returns_the_mapping_and_rings_go_to_the_new_address()
    {
        var kernel = Kernel(osBuild: 28000, connect: &ConnectLikeBuild28000);
        using Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));

        doorbell.Connect();
        DoorbellStatus status = doorbell.RingAndConfirm(64);

        Assert.Equal(DoorbellStructLayout.Build28000, kernel.StructLayout);
        Assert.Equal(DoorbellHandle, s_connectedHandle);
        Assert.Equal(DoorbellStatus.Connected, status);
        Assert.Equal((nint)MovedDoorbellPage, doorbell.Mapping.DoorbellAddress);
        Assert.Equal(64UL, *MovedDoorbellPage);
        Assert.Equal(0UL, *CreatedDoorbellPage); // the old address (the dummy page by now) got nothing
    }

    [Fact]
    public void Build28000_forced_on_an_older_kernel_fails_clearly_and_rings_nothing()
    {
        // An older kernel reads and writes the first 8 bytes only, so the mapping stays 0.
        var kernel = Kernel(osBuild: 26100, connect: &ConnectLikeBuild26100, new WindowsDoorbellKernelOptions { StructLayout = DoorbellStructLayout.Build28000 });
        using Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));

        Assert.Equal(DoorbellStructLayout.Build28000, kernel.StructLayout);
        var connect = Assert.Throws<DoorbellException>(() => doorbell.Connect());
        var ring = Assert.Throws<DoorbellException>(() => doorbell.Ring(64));

        Assert.Contains("returned a doorbell mapping of 0 (CpuVa 0x0, SecondaryCpuVa 0x0) for doorbell 119", connect.Message);
        Assert.Contains("DoorbellGuard rings nothing", connect.Message);
        Assert.Contains("call Connect() again", connect.Message);
        Assert.Contains("forced to Build28000", connect.Message);
        Assert.Contains("Windows build 26100", connect.Message);
        Assert.Contains("remove the override", connect.Message);
        Assert.Contains("has no address to ring", ring.Message);
        Assert.Equal(0UL, *CreatedDoorbellPage);
    }

    [Fact]
    public void A_mapping_of_zero_from_a_newer_kernel_says_so_and_the_next_RingAndConfirm_connects_again()
    {
        var kernel = Kernel(osBuild: 28000, connect: &ConnectLikeBuild28000);
        using Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));
        s_mappingToReturn = 0;

        var ex = Assert.Throws<DoorbellException>(() => doorbell.Connect());
        Assert.Contains("The OS broke the Build28000 contract", ex.Message);

        s_mappingToReturn = (nint)MovedDoorbellPage;
        Assert.Equal(DoorbellStatus.Connected, doorbell.RingAndConfirm(128));
        Assert.Equal(128UL, *MovedDoorbellPage);
    }

    [Theory]
    [InlineData(26100)]
    [InlineData(28000)]
    public void Notify_and_destroy_pass_the_doorbell_handle(int osBuild)
    {
        var kernel = Kernel(osBuild, connect: osBuild >= 28000 ? &ConnectLikeBuild28000 : &ConnectLikeBuild26100);
        Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));

        doorbell.NotifyWorkSubmission();
        doorbell.Dispose();

        Assert.Equal(DoorbellHandle, s_notifiedHandle);
        Assert.Equal(DoorbellHandle, s_destroyedHandle);
        if (osBuild >= 28000)
            Assert.True(s_notifyPrivateDataZero, "the 64 bytes of PrivateDriverData are passed as zeros");
    }

    private static WindowsDoorbellKernel Kernel(int osBuild, delegate* unmanaged[Stdcall]<void*, int> connect, WindowsDoorbellKernelOptions? options = null) =>
        new(new D3dkmtEntryPoints(&Create, connect, &Destroy, osBuild >= 28000 || options?.StructLayout == DoorbellStructLayout.Build28000 ? &NotifyLikeBuild28000 : &NotifyLikeBuild26100), osBuild, options);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int Create(void* args)
    {
        var bytes = (byte*)args;
        s_createdFor = *(uint*)bytes | (*(uint*)(bytes + 4) << 8) | (*(uint*)(bytes + 8) << 16) | (*(uint*)(bytes + 12) << 24);
        *(nint*)(bytes + 32) = (nint)CreatedDoorbellPage;
        *(nint*)(bytes + 40) = 0;
        *(nint*)(bytes + 48) = (nint)StatusPage;
        *(nint*)(bytes + 56) = (nint)FencePage;
        *(uint*)(bytes + 64) = DoorbellHandle;
        *StatusPage = (ulong)DoorbellStatus.DisconnectedRetry;
        return NtStatus.Success;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int ConnectLikeBuild26100(void* args)
    {
        s_connectedHandle = *(uint*)args;
        *StatusPage = (ulong)DoorbellStatus.Connected;
        return NtStatus.Success;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int ConnectLikeBuild28000(void* args)
    {
        s_connectedHandle = *(uint*)args;
        *(nint*)((byte*)args + 8) = s_mappingToReturn;  // DoorbellMapping.CpuVa
        *(nint*)((byte*)args + 16) = 0;                 // DoorbellMapping.SecondaryCpuVa
        *StatusPage = (ulong)DoorbellStatus.Connected;
        return NtStatus.Success;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int Destroy(void* args)
    {
        s_destroyedHandle = *(uint*)args;
        return NtStatus.Success;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int NotifyLikeBuild26100(void* args)
    {
        s_notifiedHandle = *(uint*)args;
        return NtStatus.Success;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int NotifyLikeBuild28000(void* args)
    {
        s_notifiedHandle = *(uint*)args;
        s_notifyPrivateDataZero = new ReadOnlySpan<byte>((byte*)args + 8, D3DKMT_NOTIFY_WORK_SUBMISSION_28000.D3DDDI_UMS_PDD_SIZE).IndexOfAnyExcept((byte)0) < 0;
        return NtStatus.Success;
    }
}

using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace DoorbellGuard.Tests;

/// <summary>A kernel whose answers the test scripts: fixed NTSTATUS results and a status page the test writes.</summary>
internal sealed unsafe class ScriptedKernel : IDoorbellKernel, IDisposable
{
    private readonly ulong* _pages = (ulong*)NativeMemory.AllocZeroed(4096 * 4);

    public int CreateResult { get; set; }
    public int ConnectResult { get; set; }
    public int NotifyResult { get; set; }
    public ulong StatusAfterConnect { get; set; }
    public bool ClobberFenceOnConnect { get; set; }
    public nint FenceAddressOverride { get; set; }

    /// <summary>The status address create reports: 0 for the real page, -1 for none (a kernel that mapped nothing).</summary>
    public nint StatusAddressOverride { get; set; }
    public int Connects;
    public int Notifies;
    public int Destroys;

    public ulong* DoorbellPage => _pages;
    public ulong* SecondaryPage => _pages + 512;
    public ulong* StatusPage => _pages + 1024;
    public ulong* FencePage => _pages + 1536;

    public void SetStatus(ulong value) => Volatile.Write(ref *StatusPage, value);

    public int CreateDoorbell(in DoorbellCreateParameters parameters, out DoorbellMapping mapping)
    {
        bool secondary = (parameters.Flags & DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress) != 0;
        mapping = NtStatus.IsSuccess(CreateResult)
            ? new DoorbellMapping(7, (nint)DoorbellPage, secondary ? (nint)SecondaryPage : 0, StatusAddressOverride switch { 0 => (nint)StatusPage, -1 => 0, var other => other }, FenceAddressOverride != 0 ? FenceAddressOverride : (nint)FencePage)
            : default;
        SetStatus(2);
        return CreateResult;
    }

    /// <summary>What connect reports as the new mapping; null reports none (the 10.0.26100 behaviour).</summary>
    public DoorbellConnectMapping? MappingAfterConnect { get; set; }

    public int ConnectDoorbell(uint doorbellHandle, out DoorbellConnectMapping? mapping)
    {
        mapping = MappingAfterConnect;
        Connects++;
        if (ClobberFenceOnConnect)
            Volatile.Write(ref *FencePage, 0);
        if (NtStatus.IsSuccess(ConnectResult))
            SetStatus(StatusAfterConnect);
        return ConnectResult;
    }

    public int DestroyDoorbell(uint doorbellHandle)
    {
        Destroys++;
        return NtStatus.Success;
    }

    public int NotifyWorkSubmission(uint doorbellHandle)
    {
        Notifies++;
        return NotifyResult;
    }

    public Doorbell CreateDoorbell(DoorbellOptions? options = null) =>
        Doorbell.Create(this, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None), options);

    public void Dispose() => NativeMemory.Free(_pages);
}

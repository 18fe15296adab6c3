using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Contoso.Gpu.Submission;

// Code that talks to D3DKMT itself and uses only the DoorbellGuard.Analyzers package: it declares
// attributes with the analyzer's names in its own namespace and marks its own wrappers with them.

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
internal sealed class DoorbellRingAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
internal sealed class DoorbellStatusReadAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
internal sealed class DoorbellConnectAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
internal sealed class DoorbellNotifyAttribute : Attribute
{
}

/// <summary>D3DDDI_DOORBELLSTATUS.</summary>
public enum DoorbellStatus
{
    Connected = 0,
    ConnectedNotify = 1,
    DisconnectedRetry = 2,
    DisconnectedAbort = 3,
}

/// <summary>A doorbell created by our own D3DKMTCreateDoorbell call.</summary>
public sealed class NativeDoorbell
{
    private readonly uint handle;
    private readonly nint doorbellAddress;
    private readonly nint statusAddress;

    public NativeDoorbell(uint handle, nint doorbellAddress, nint statusAddress)
    {
        this.handle = handle;
        this.doorbellAddress = doorbellAddress;
        this.statusAddress = statusAddress;
    }

    [DoorbellConnect]
    public void Connect()
    {
        var arguments = new ConnectDoorbellArguments { Doorbell = handle };
        int status = D3DKMTConnectDoorbell(ref arguments);
        if (status < 0)
        {
            throw new InvalidOperationException($"D3DKMTConnectDoorbell failed with NTSTATUS 0x{status:X8}.");
        }
    }

    [DoorbellRing]
    public void Ring(ulong writePointer)
    {
        Interlocked.MemoryBarrier();
        Marshal.WriteInt64(doorbellAddress, (long)writePointer);
    }

    [DoorbellStatusRead]
    public DoorbellStatus ReadStatus()
    {
        long value = Marshal.ReadInt64(statusAddress);
        return (DoorbellStatus)(uint)value;
    }

    [DoorbellNotify]
    public void Notify()
    {
        var arguments = new NotifyWorkSubmissionArguments { Doorbell = handle };
        int status = D3DKMTNotifyWorkSubmission(ref arguments);
        if (status < 0)
        {
            throw new InvalidOperationException($"D3DKMTNotifyWorkSubmission failed with NTSTATUS 0x{status:X8}.");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ConnectDoorbellArguments
    {
        public uint Doorbell;
        public uint Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NotifyWorkSubmissionArguments
    {
        public uint Doorbell;
        public uint Flags;
    }

    [DllImport("gdi32.dll")]
    private static extern int D3DKMTConnectDoorbell(ref ConnectDoorbellArguments arguments);

    [DllImport("gdi32.dll")]
    private static extern int D3DKMTNotifyWorkSubmission(ref NotifyWorkSubmissionArguments arguments);
}

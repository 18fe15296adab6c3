using System;

namespace DoorbellGuard;

/// <summary>A doorbell operation failed. <see cref="NtStatus"/> carries the NTSTATUS when the OS returned one.</summary>
public class DoorbellException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DoorbellException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the NTSTATUS the OS returned.</summary>
    public DoorbellException(string message, int ntStatus) : base(message) => NtStatus = ntStatus;

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DoorbellException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The NTSTATUS the OS returned, or null when the failure did not come from an OS call.</summary>
    public int? NtStatus { get; }

    /// <summary>
    /// Set by <see cref="HardwareQueue.Submit(System.ReadOnlySpan{byte})"/> when its command buffer was queued but its
    /// ring was not confirmed: the fence value that command buffer signals once a later ring delivers it. Null otherwise.
    /// </summary>
    public ulong? FenceValue { get; internal init; }

    /// <summary>The failure of a D3DKMT entry point: the right exception type and a message with the NTSTATUS in hex and its meaning.</summary>
    internal static DoorbellException FromStatus(string entryPoint, int status, string advice)
    {
        string message = entryPoint + " failed with NTSTATUS " + DoorbellGuard.NtStatus.Describe(status) + ". " + advice;
        return status == DoorbellGuard.NtStatus.DeviceRemoved
            ? new DoorbellAbortedException(message + " The device is lost: destroy and re-create the queue, doorbell and ring buffer, or fall back to kernel-mode submission.", status)
            : new DoorbellException(message, status);
    }
}

/// <summary>
/// The doorbell's device is lost (DISCONNECTED_ABORT, or a call failed with STATUS_DEVICE_REMOVED): the queue is
/// unusable. Destroy and re-create the queue, doorbell and ring buffer, or fall back to kernel-mode submission.
/// </summary>
public sealed class DoorbellAbortedException : DoorbellException
{
    /// <summary>Creates the exception with a message.</summary>
    public DoorbellAbortedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the NTSTATUS the OS returned.</summary>
    public DoorbellAbortedException(string message, int ntStatus) : base(message, ntStatus) { }
}

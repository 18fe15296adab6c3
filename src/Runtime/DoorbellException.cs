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
}

/// <summary>The doorbell's device is lost (DISCONNECTED_ABORT): the queue is unusable.</summary>
public sealed class DoorbellAbortedException : DoorbellException
{
    /// <summary>Creates the exception with a message.</summary>
    public DoorbellAbortedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the NTSTATUS the OS returned.</summary>
    public DoorbellAbortedException(string message, int ntStatus) : base(message, ntStatus) { }
}

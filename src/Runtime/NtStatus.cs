using System.Globalization;

namespace DoorbellGuard;

/// <summary>The NTSTATUS values the doorbell entry points return, with what each means for the caller.</summary>
public static class NtStatus
{
    /// <summary>STATUS_SUCCESS (0x00000000).</summary>
    public const int Success = 0;

    /// <summary>STATUS_INVALID_PARAMETER (0xC000000D): a handle or argument is invalid.</summary>
    public const int InvalidParameter = unchecked((int)0xC000000D);

    /// <summary>STATUS_NO_MEMORY (0xC0000017).</summary>
    public const int NoMemory = unchecked((int)0xC0000017);

    /// <summary>STATUS_ACCESS_DENIED (0xC0000022).</summary>
    public const int AccessDenied = unchecked((int)0xC0000022);

    /// <summary>STATUS_NOT_SUPPORTED (0xC00000BB): the adapter or OS does not support user-mode submission.</summary>
    public const int NotSupported = unchecked((int)0xC00000BB);

    /// <summary>STATUS_DEVICE_REMOVED (0xC00002B6): the device is lost (removed, reset or stopped).</summary>
    public const int DeviceRemoved = unchecked((int)0xC00002B6);

    /// <summary>True for success and informational codes (NT_SUCCESS: the value is not negative).</summary>
    public static bool IsSuccess(int status) => status >= 0;

    /// <summary>The status as the 8-digit hex text Windows uses, for example <c>0xC000000D</c>.</summary>
    public static string ToHex(int status) => "0x" + unchecked((uint)status).ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>The symbolic name of a status this library knows, or null.</summary>
    public static string? NameOf(int status) => status switch
    {
        Success => "STATUS_SUCCESS",
        InvalidParameter => "STATUS_INVALID_PARAMETER",
        NoMemory => "STATUS_NO_MEMORY",
        AccessDenied => "STATUS_ACCESS_DENIED",
        NotSupported => "STATUS_NOT_SUPPORTED",
        DeviceRemoved => "STATUS_DEVICE_REMOVED",
        _ => null,
    };

    /// <summary>"0xC000000D (STATUS_INVALID_PARAMETER: ...)": the status in hex, its name and its meaning.</summary>
    public static string Describe(int status) => status switch
    {
        Success => "0x00000000 (STATUS_SUCCESS)",
        InvalidParameter => ToHex(status) + " (STATUS_INVALID_PARAMETER: a handle or argument is invalid, for example a destroyed doorbell, or a queue or allocation handle the device does not know)",
        NoMemory => ToHex(status) + " (STATUS_NO_MEMORY: the OS could not allocate what the call needs)",
        AccessDenied => ToHex(status) + " (STATUS_ACCESS_DENIED: the handle belongs to another process or device)",
        NotSupported => ToHex(status) + " (STATUS_NOT_SUPPORTED: the adapter's driver does not support user-mode submission)",
        DeviceRemoved => ToHex(status) + " (STATUS_DEVICE_REMOVED: the device is lost: removed, reset after a timeout (TDR) or stopped)",
        _ => ToHex(status) + " (an NTSTATUS this library does not know; look it up in ntstatus.h)",
    };
}

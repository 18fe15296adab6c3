namespace DoorbellGuard.CodeFixes;

/// <summary>
/// Why a fix is not offered at a flagged ring: each reason is explained, with what to declare, in the rule pages'
/// "Code fix" sections, and the coverage test accepts an unfixed diagnostic only for one of these.
/// </summary>
internal enum FixUnavailableReason
{
    /// <summary>The diagnostic is on something that is no ring the fixes know (a recursive call that re-rings, say).</summary>
    NotARing,

    /// <summary>No status read is known for the ring's doorbell (no <c>[DoorbellStatusRead]</c> member returning the status).</summary>
    NoStatusRead,

    /// <summary>The status enum lacks a member for one of the four D3DDDI values.</summary>
    StatusEnumIncomplete,

    /// <summary>No connect is known for the ring's doorbell: a retry loop without one would ring a disconnected doorbell forever.</summary>
    NoConnect,

    /// <summary>No notify is known for the ring's doorbell: the fix could not answer ConnectedNotify.</summary>
    NoNotify,

    /// <summary>The ring is part of a larger expression, or its doorbell cannot be named again, so no loop can go around it.</summary>
    UnsupportedPosition,

    /// <summary>DBL005: the statement that creates the doorbell is not one the fix can put a connect after.</summary>
    CreationNotFound,

    /// <summary>Use RingAndConfirm: the ring is not <c>Doorbell.Ring</c> itself (a wrapper may do more than ring).</summary>
    NoRingAndConfirm,
}

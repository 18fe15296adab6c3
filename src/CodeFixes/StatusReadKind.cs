namespace DoorbellGuard.CodeFixes;

/// <summary>How the statement right after a ring reads the status, so the fix reuses that read instead of adding a second one.</summary>
internal enum StatusReadKind
{
    /// <summary>The next statement reads nothing.</summary>
    None,

    /// <summary><c>d.ReadStatus();</c> or <c>_ = d.ReadStatus();</c>: a read whose value is thrown away.</summary>
    Discarded,

    /// <summary><c>var s = d.ReadStatus();</c>: the fix keeps the name <c>s</c>.</summary>
    Declaration,

    /// <summary><c>s = d.ReadStatus();</c> into an existing local.</summary>
    Assignment,

    /// <summary>The read sits inside the statement (<c>if (d.ReadStatus() == ...)</c>, <c>switch (d.ReadStatus())</c>): it becomes the status local.</summary>
    Inline,
}

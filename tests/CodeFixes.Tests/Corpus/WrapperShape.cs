namespace DoorbellGuard.CodeFixes.Tests.Corpus;

/// <summary>
/// One way user code names the protocol: how it rings, reads, connects and notifies, the status enum and its members,
/// the declarations that make those members wrappers, and where the submission method lives (<c>BODY</c> marks it).
/// </summary>
internal sealed record WrapperShape(string Name, string Ring, string Read, string Connect, string Notify, string Class)
{
    /// <summary>The parameters of the submission method.</summary>
    public string Parameters { get; init; } = "Doorbell d, ulong v, int mode";

    public string Status { get; init; } = "DoorbellStatus";

    public string Retry { get; init; } = "DisconnectedRetry";

    public string Abort { get; init; } = "DisconnectedAbort";

    public string Notified { get; init; } = "ConnectedNotify";

    /// <summary>Declarations after the submission class (wrappers, attributes, the status enum).</summary>
    public string Declarations { get; init; } = "";

    public string? EditorConfig { get; init; }

    public bool WithRuntime { get; init; } = true;

    /// <summary>The statements that follow the ring, in this shape's vocabulary (<c>{read}</c>, <c>{S}</c>, ...).</summary>
    public string Spell(string template) => template
        .Replace("{ring}", Ring, System.StringComparison.Ordinal)
        .Replace("{read}", Read, System.StringComparison.Ordinal)
        .Replace("{connect}", Connect, System.StringComparison.Ordinal)
        .Replace("{notify}", Notify, System.StringComparison.Ordinal)
        .Replace("{R}", Status + "." + Retry, System.StringComparison.Ordinal)
        .Replace("{A}", Status + "." + Abort, System.StringComparison.Ordinal)
        .Replace("{N}", Status + "." + Notified, System.StringComparison.Ordinal);

    /// <summary>The whole file for one case: the shape's class with <paramref name="body"/> in its submission method.</summary>
    public string Source(string body) =>
        (WithRuntime ? "using DoorbellGuard;\n\n" : "") + Class.Replace("PARAMETERS", Parameters, System.StringComparison.Ordinal).Replace("BODY", body, System.StringComparison.Ordinal) + "\n" + Declarations;

    public override string ToString() => Name;
}

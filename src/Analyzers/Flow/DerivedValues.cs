namespace DoorbellGuard.Analyzers.Flow;

/// <summary>
/// The values of a function's derived variables (a bool, an enum or an integer computed from a status, or set to
/// constants on paths that tested one) on one path, packed in a word: <see cref="MaxVariables"/> variables of 4 bits, each
/// a value code 1-15 that the translator gave a constant, or 0 when the value is unknown. Tables that compute a variable
/// are packed the same way: 4 bits per status (<see cref="StatusTable"/>) or per source code (<see cref="CodeTable"/>).
/// </summary>
internal static class DerivedValues
{
    public const int MaxVariables = 8;

    /// <summary>Codes 1..MaxCodes name values; 0 is unknown.</summary>
    public const int MaxCodes = 15;

    /// <summary>Every known code: an edge with this mask says nothing about the variable.</summary>
    public const ushort AllCodes = 0xFFFE;

    public static int Get(uint values, int variable) => (int)((values >> (variable * 4)) & 0xF);

    public static uint Set(uint values, int variable, int code) =>
        (values & ~(0xFu << (variable * 4))) | ((uint)(code & 0xF) << (variable * 4));

    /// <summary>The code a status table gives <paramref name="status"/>.</summary>
    public static int StatusTable(ulong table, int status) => (int)((table >> (status * 4)) & 0xF);

    /// <summary>The code a code table gives the source code <paramref name="code"/> (unknown stays unknown).</summary>
    public static int CodeTable(ulong table, int code) => code == 0 ? 0 : (int)((table >> (code * 4)) & 0xF);

    /// <summary>Entry <paramref name="index"/> of a table set to <paramref name="code"/>.</summary>
    public static ulong WithEntry(ulong table, int index, int code) =>
        (table & ~(0xFUL << (index * 4))) | ((ulong)(code & 0xF) << (index * 4));

    /// <summary>Whether an element whose variable holds <paramref name="code"/> may take an edge taken for <paramref name="takenWhen"/>: unknown always may.</summary>
    public static bool Allows(ushort takenWhen, int code) => code == 0 || (takenWhen & (1 << code)) != 0;

    /// <summary>The codes for which the other edge of a test is taken.</summary>
    public static ushort Complement(ushort takenWhen) => (ushort)(~takenWhen & AllCodes);
}

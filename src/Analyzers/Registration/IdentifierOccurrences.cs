using System.Collections.Generic;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// Where a name occurs in source text as a whole identifier: the text search under <see cref="RingNameIndex"/>. It reads
/// characters, not syntax, so it also finds the name in comments and strings (a false lead costs a scan, never a miss).
/// </summary>
internal static class IdentifierOccurrences
{
    private const string AttributeSuffix = "Attribute";

    /// <summary>
    /// Adds to <paramref name="found"/> each position where <paramref name="name"/> stands as an identifier of its own
    /// in <paramref name="text"/> (or, with <paramref name="allowAttributeSuffix"/>, followed by <c>Attribute</c>).
    /// </summary>
    public static void Find(string text, string name, bool allowAttributeSuffix, List<int> found)
    {
        if (name.Length == 0)
            return;
        for (var at = text.IndexOf(name, 0, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, System.StringComparison.Ordinal))
        {
            if (at > 0 && IsIdentifierPart(text[at - 1]))
                continue;
            var end = at + name.Length;
            if (allowAttributeSuffix && string.CompareOrdinal(text, end, AttributeSuffix, 0, AttributeSuffix.Length) == 0)
                end += AttributeSuffix.Length;
            if (end < text.Length && IsIdentifierPart(text[end]))
                continue;
            found.Add(at);
        }
    }

    /// <summary>Whether <paramref name="c"/> can continue a C# identifier (so a name next to it is part of a longer one).</summary>
    public static bool IsIdentifierPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        || (c > 127 && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.ConnectorPunctuation
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.Format));
}

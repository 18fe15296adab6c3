using System;
using System.Collections.Generic;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// A set of names to find in source text in one pass (<see cref="FindIn"/>): each whole identifier of the text is checked
/// against the set by its length and first character before any comparison, so a pass costs about one read of the text
/// however many names are searched. It reads characters, not syntax, so it also finds a name in comments and strings
/// (a false lead costs a scan, never a miss).
/// </summary>
internal sealed class IdentifierNames
{
    private readonly Dictionary<int, string[]> _byLength = new();
    private readonly ulong[] _firstAscii = new ulong[2];
    private readonly bool _anyNonAsciiFirst;
    private readonly int _shortest = int.MaxValue;
    private readonly int _longest;

    public IdentifierNames(IEnumerable<string> names)
    {
        var byLength = new Dictionary<int, List<string>>();
        foreach (var name in names)
        {
            if (name.Length == 0)
                continue;
            if (!byLength.TryGetValue(name.Length, out var list))
                byLength[name.Length] = list = new List<string>();
            if (list.Contains(name))
                continue;
            list.Add(name);
            _shortest = Math.Min(_shortest, name.Length);
            _longest = Math.Max(_longest, name.Length);
            if (name[0] < 128)
                _firstAscii[name[0] >> 6] |= 1UL << (name[0] & 63);
            else
                _anyNonAsciiFirst = true;
        }

        foreach (var pair in byLength)
            _byLength[pair.Key] = pair.Value.ToArray();
    }

    public bool IsEmpty => _byLength.Count == 0;

    /// <summary>
    /// Adds to <paramref name="found"/>, in text order, each position where one of the names stands as an identifier of
    /// its own in <paramref name="text"/>, with that name. Comments and strings are read like code (a false lead costs a
    /// scan, never a miss).
    /// </summary>
    public void FindIn(string text, List<(int Position, string Name)> found)
    {
        if (IsEmpty)
            return;
        var at = 0;
        while (at < text.Length)
        {
            if (!IsIdentifierPart(text[at]))
            {
                at++;
                continue;
            }

            var start = at;
            while (at < text.Length && IsIdentifierPart(text[at]))
                at++;
            var length = at - start;
            if (length < _shortest || length > _longest || !MayStartAName(text[start]) || !_byLength.TryGetValue(length, out var candidates))
                continue;
            foreach (var name in candidates)
            {
                if (string.CompareOrdinal(text, start, name, 0, length) == 0)
                {
                    found.Add((start, name));
                    break;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> can continue a C# identifier (so a name next to it is part of a longer one).</summary>
    public static bool IsIdentifierPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        || (c > 127 && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.ConnectorPunctuation
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.Format));

    private bool MayStartAName(char c) =>
        c < 128 ? (_firstAscii[c >> 6] & (1UL << (c & 63))) != 0 : _anyNonAsciiFirst;
}

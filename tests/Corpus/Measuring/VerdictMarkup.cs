using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace DoorbellGuard.Corpus.Measuring;

/// <summary>A diagnostic: its rule ID and the exact span of source text it is reported on.</summary>
public readonly record struct Finding(string Id, int Start, int Length)
{
    public int End => Start + Length;

    public override string ToString() => $"{Id}@{Start}..{End}";
}

/// <summary>Source text with its markup removed, and the findings the markup expects on it.</summary>
public sealed record MarkedSource(string Text, ImmutableArray<Finding> Expected);

/// <summary>
/// The verdict markup of the corpus: <c>{|DBL001:d.Ring(v)|}</c> expects DBL001 on exactly <c>d.Ring(v)</c>;
/// <c>{|DBL002,DBL003:d.Ring(v)|}</c> expects both on the same span. Markup may nest. It is the shape of the
/// Microsoft.CodeAnalysis.Testing markup the analyzer tests use, with rule IDs instead of location numbers, so a
/// case says its own verdict without a table beside it.
/// </summary>
public static class VerdictMarkup
{
    private const string Open = "{|";
    private const string Close = "|}";

    public static MarkedSource Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var expected = ImmutableArray.CreateBuilder<Finding>();
        var open = new Stack<(string[] Ids, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (string.CompareOrdinal(markup, i, Open, 0, Open.Length) == 0)
            {
                var colon = markup.IndexOf(':', i + Open.Length);
                if (colon < 0)
                    throw new FormatException($"markup opened at {i} has no ':' after its rule IDs");
                open.Push((ParseIds(markup.Substring(i + Open.Length, colon - i - Open.Length), i), text.Length));
                i = colon + 1;
            }
            else if (string.CompareOrdinal(markup, i, Close, 0, Close.Length) == 0 && open.Count > 0)
            {
                var (ids, start) = open.Pop();
                foreach (var id in ids)
                    expected.Add(new Finding(id, start, text.Length - start));
                i += Close.Length;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
            throw new FormatException($"{open.Count} markup span(s) never closed");
        return new MarkedSource(text.ToString(), expected.ToImmutable());
    }

    private static string[] ParseIds(string list, int position)
    {
        var ids = list.Split(',');
        for (var k = 0; k < ids.Length; k++)
        {
            ids[k] = ids[k].Trim();
            if (!IsRuleId(ids[k]))
                throw new FormatException($"markup at {position}: '{ids[k]}' is not a DBL rule ID");
        }

        return ids;
    }

    private static bool IsRuleId(string id) =>
        id.Length == 6 && id.StartsWith("DBL", StringComparison.Ordinal) && char.IsDigit(id[3]) && char.IsDigit(id[4]) && char.IsDigit(id[5]);
}

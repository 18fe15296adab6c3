using System;
using System.Collections.Generic;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>
/// Ordinary code with no doorbell in it: collections, LINQ, string building, patterns, generics, async,
/// exceptions. It is most of a real project, and what the analyzer must pass over cheaply.
/// </summary>
internal static class OrdinaryCode
{
    private static readonly Func<Random, string, string>[] MethodTemplates =
    {
        (r, m) => $$"""
                public int {{m}}(string name, int amount)
                {
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw new ArgumentException("A name is required.", nameof(name));
                    }
                    _counts.TryGetValue(name, out var current);
                    var next = checked(current + amount * {{r.Next(1, 17)}});
                    _counts[name] = next;
                    return next;
                }

            """,
        (r, m) => $$"""
                public IReadOnlyList<string> {{m}}(int count)
                {
                    return _counts
                        .Where(pair => pair.Value > {{r.Next(0, 50)}})
                        .OrderByDescending(pair => pair.Value)
                        .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                        .Take(count)
                        .Select(pair => pair.Key + "=" + pair.Value.ToString(CultureInfo.InvariantCulture))
                        .ToList();
                }

            """,
        (r, m) => $$"""
                public string {{m}}()
                {
                    var builder = new StringBuilder();
                    builder.Append('[');
                    var first = true;
                    foreach (var pair in _counts)
                    {
                        if (!first)
                        {
                            builder.Append(", ");
                        }
                        first = false;
                        builder.Append(pair.Key).Append(':').Append(pair.Value % {{r.Next(2, 99)}});
                    }
                    builder.Append(']');
                    return builder.ToString();
                }

            """,
        (r, m) => $$"""
                public static int {{m}}(ReadOnlySpan<byte> data)
                {
                    unchecked
                    {
                        int hash = {{r.Next(3, 1000)}};
                        for (int i = 0; i < data.Length; i++)
                        {
                            hash = hash * 31 + data[i];
                            if ((hash & 0xFF) == {{r.Next(0, 255)}})
                            {
                                hash ^= hash >> 7;
                            }
                        }
                        return hash;
                    }
                }

            """,
        (r, m) => $$"""
                public static string {{m}}(object? value) => value switch
                {
                    null => "null",
                    int i when i < {{r.Next(0, 100)}} => "small " + i,
                    int i => "int " + i,
                    string { Length: 0 } => "empty",
                    string s => "text " + s.Length,
                    IEnumerable<int> numbers => "numbers " + numbers.Sum(),
                    _ => value.GetType().Name,
                };

            """,
        (r, m) => $$"""
                public static bool {{m}}(string text, out decimal amount)
                {
                    amount = 0m;
                    try
                    {
                        amount = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) * {{r.Next(1, 9)}}m;
                        return amount >= 0;
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                    catch (OverflowException)
                    {
                        amount = decimal.MaxValue;
                        return false;
                    }
                }

            """,
        (r, m) => $$"""
                public static T {{m}}<T>(IReadOnlyList<T> items, T fallback) where T : IComparable<T>
                {
                    if (items.Count == 0)
                    {
                        return fallback;
                    }
                    var best = items[0];
                    for (int i = 1; i < items.Count; i++)
                    {
                        if (items[i].CompareTo(best) > 0)
                        {
                            best = items[i];
                        }
                    }
                    return best;
                }

            """,
        (r, m) => $$"""
                public async Task<int> {{m}}(IEnumerable<string> names, CancellationToken cancellationToken)
                {
                    int total = 0;
                    foreach (var name in names)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await Task.Yield();
                        total += name.Length > {{r.Next(1, 20)}} ? 2 : 1;
                    }
                    return total;
                }

            """,
        (r, m) => $$"""
                public static double {{m}}(double[] samples)
                {
                    if (samples.Length == 0)
                    {
                        return double.NaN;
                    }
                    double mean = 0;
                    double m2 = 0;
                    for (int i = 0; i < samples.Length; i++)
                    {
                        var delta = samples[i] - mean;
                        mean += delta / (i + 1);
                        m2 += delta * (samples[i] - mean);
                    }
                    return Math.Sqrt(m2 / Math.Max(1, samples.Length - {{r.Next(0, 2)}}));
                }

            """,
        (r, m) => $$"""
                public static Dictionary<char, int> {{m}}(string text)
                {
                    var histogram = new Dictionary<char, int>();
                    foreach (var ch in text)
                    {
                        if (char.IsWhiteSpace(ch))
                        {
                            continue;
                        }
                        var key = char.ToLowerInvariant(ch);
                        histogram[key] = histogram.TryGetValue(key, out var n) ? n + 1 : {{r.Next(1, 3)}};
                    }
                    return histogram;
                }

            """,
        (r, m) => $$"""
                public static IEnumerable<int> {{m}}(int limit)
                {
                    int a = 0, b = 1;
                    while (a < limit)
                    {
                        yield return a;
                        (a, b) = (b, a + b + {{r.Next(0, 3)}});
                    }
                }

            """,
        (r, m) => $$"""
                public static string {{m}}(DayOfWeek day, int hour)
                {
                    switch (day)
                    {
                        case DayOfWeek.Saturday:
                        case DayOfWeek.Sunday:
                            return "weekend";
                        case DayOfWeek.Friday when hour >= {{r.Next(12, 18)}}:
                            return "almost weekend";
                        default:
                            return hour switch
                            {
                                < 9 => "early",
                                >= 9 and < 17 => "working",
                                _ => "late",
                            };
                    }
                }

            """,
        (r, m) => $$"""
                public Item {{m}}(string name, decimal price)
                {
                    var item = new Item(name, price * {{r.Next(1, 5)}}m, DateTime.UnixEpoch.AddDays({{r.Next(0, 20000)}}));
                    _items.Add(item);
                    if (_items.Count > {{r.Next(50, 500)}})
                    {
                        _items.RemoveAt(0);
                    }
                    return item with { Name = item.Name.Trim() };
                }

            """,
        (r, m) => $$"""
                public decimal {{m}}(Func<Item, bool> predicate)
                {
                    decimal sum = 0;
                    lock (_items)
                    {
                        foreach (var item in _items)
                        {
                            if (predicate(item) && item.Price > {{r.Next(0, 100)}})
                            {
                                sum += item.Price;
                            }
                        }
                    }
                    return Math.Round(sum, 2, MidpointRounding.ToEven);
                }

            """,
    };

    /// <summary>An ordinary class with <paramref name="methodCount"/> methods.</summary>
    public static string Class(Random random, string className, int methodCount)
    {
        var text = new System.Text.StringBuilder();
        text.Append("public sealed class ").Append(className).Append('\n').Append("{\n");
        text.Append("    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);\n");
        text.Append("    private readonly List<Item> _items = new();\n\n");
        text.Append("    public sealed record Item(string Name, decimal Price, DateTime Added);\n\n");
        text.Append("    public int Count => _counts.Count;\n\n");
        for (int i = 0; i < methodCount; i++)
        {
            var template = MethodTemplates[random.Next(MethodTemplates.Length)];
            text.Append(template(random, "Operation" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        text.Append("}\n\n");
        return text.ToString();
    }
}

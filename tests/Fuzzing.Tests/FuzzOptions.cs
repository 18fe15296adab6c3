using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>
/// .editorconfig options for the analyzers, fuzzed too: the wrapper lists of issue #3
/// (doorbellguard.ring_methods and friends) with valid, odd and broken documentation-comment IDs.
/// </summary>
public static class FuzzOptions
{
    public static readonly string[] Keys =
    {
        "doorbellguard.ring_methods",
        "doorbellguard.status_read_methods",
        "doorbellguard.connect_methods",
        "doorbellguard.notify_methods",
    };

    private static readonly string[] Values =
    {
        "M:C.M(DoorbellGuard.Doorbell,System.UInt64)",
        "M:Shapes.Kick(DoorbellGuard.Doorbell,System.UInt64)",
        "M:Vendor.Queue.Kick(System.UInt64)",
        "M:Submitter.Submit(System.UInt64)",
        "P:Holder.Bell",
        "M:A.B`1.C``2(``0,``1)",
        "M:A.B(System.Int32[],System.Int32*,System.Int32@)",
        "M:A.B(System.UInt64); M:C.D",
        "M:A.B, M:C.D,,",
        "", " ", "M:", "M:(", "M:A.B(", "T:DoorbellGuard.Doorbell", "*", "M:Ä.ö()", "\0", "M:" + new string('A', 4000),
    };

    /// <summary>A random option set: one to four keys with values from the pool (sometimes two joined).</summary>
    public static ImmutableDictionary<string, string> Random(Random random)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        int count = random.Next(1, Keys.Length + 1);
        foreach (var key in Keys.OrderBy(_ => random.Next()).Take(count))
        {
            var value = Values[random.Next(Values.Length)];
            if (random.Next(3) == 0)
            {
                value += "," + Values[random.Next(Values.Length)];
            }
            builder[key] = value;
        }
        return builder.ToImmutable();
    }

    public static AnalyzerOptions ToAnalyzerOptions(ImmutableDictionary<string, string> options) =>
        new(ImmutableArray<AdditionalText>.Empty, new Provider(new Options(options)));

    private sealed class Provider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public Provider(Options options) => _options = options;

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}

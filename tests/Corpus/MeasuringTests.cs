using System;
using DoorbellGuard.Corpus.Measuring;

namespace DoorbellGuard.Corpus.Tests;

/// <summary>The instruments themselves: a verdict read wrongly or a finding counted wrongly would make every figure a lie.</summary>
public sealed class MeasuringTests
{
    [Fact]
    public void Markup_is_removed_and_each_rule_gets_the_exact_span()
    {
        var marked = VerdictMarkup.Parse("a {|DBL002,DBL003:d.Ring(v)|}; {|DBL001:x|}");

        Assert.Equal("a d.Ring(v); x", marked.Text);
        Assert.Equal(
            new[] { new Finding("DBL002", 2, 9), new Finding("DBL003", 2, 9), new Finding("DBL001", 13, 1) },
            marked.Expected);
    }

    [Fact]
    public void Nested_markup_gives_each_span_its_own_rule()
    {
        var marked = VerdictMarkup.Parse("{|DBL004:{|DBL001:k|}()|}");

        Assert.Equal("k()", marked.Text);
        Assert.Contains(new Finding("DBL001", 0, 1), marked.Expected);
        Assert.Contains(new Finding("DBL004", 0, 3), marked.Expected);
    }

    [Theory]
    [InlineData("{|DBL001:never closed")]
    [InlineData("{|#0:location numbers are not rule IDs|}")]
    [InlineData("{|DBL01:too short|}")]
    public void Malformed_markup_is_refused(string markup) =>
        Assert.Throws<FormatException>(() => VerdictMarkup.Parse(markup));

    [Fact]
    public void A_finding_counts_only_with_the_same_rule_on_the_same_span()
    {
        var tally = new FindingTally();
        var expected = new[] { new Finding("DBL002", 10, 5), new Finding("DBL003", 10, 5) };
        var reported = new[] { new Finding("DBL002", 10, 5), new Finding("DBL004", 10, 5), new Finding("DBL003", 10, 6) };

        var mismatch = tally.Add(expected, reported);

        Assert.Equal((1, 2, 1), (tally.TruePositives, tally.FalsePositives, tally.FalseNegatives));
        Assert.Equal(new[] { new Finding("DBL003", 10, 5) }, mismatch.Missed);
        Assert.Equal(0.5, tally.Recall);
        Assert.Equal(1.0 / 3, tally.Precision, 6);
    }

    [Fact]
    public void With_nothing_expected_and_nothing_reported_both_measures_are_perfect()
    {
        var tally = new FindingTally();
        Assert.True(tally.Add(Array.Empty<Finding>(), Array.Empty<Finding>()).IsEmpty);
        Assert.Equal((1.0, 1.0), (tally.Precision, tally.Recall));
    }
}

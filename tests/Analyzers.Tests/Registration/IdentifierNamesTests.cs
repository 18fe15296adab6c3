using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DoorbellGuard.Analyzers.Registration;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>
/// The one-pass search for names under the ring-name index: whole identifiers only, in text order, whatever the names'
/// lengths and first characters; what it finds for several names at once is what a search per name finds.
/// </summary>
public class IdentifierNamesTests
{
    private const string Submission = """
        unsafe void Kick(Doorbell d, ulong* ring)
        {
            ring[_wp++] = packet;            // Ring the doorbell after the packet (a comment names Ring too)
            d.Ring(_wp); d?.Ring(1); d.@Ring(2);
            RingBuffer.Clear(); _ring.Clear(); d.Ringing(); var r = Ring2;
            KickAll(d); Kick(d, ring); Knock(d); Ä.Ring(3); Änderung(d); Ä(d);
            var s = "Kick";
        }
        """;

    [Theory]
    [InlineData("Ring")]
    [InlineData("Ring Kick")]
    [InlineData("Kick Knock KickAll Ring")]
    [InlineData("Ä Ring")]
    [InlineData("Änderung")]
    [InlineData("Absent AlsoAbsent")]
    public void One_pass_finds_what_one_search_per_name_finds_in_text_order(string spaceSeparatedNames)
    {
        var names = spaceSeparatedNames.Split(' ');
        // The oracle: a regular expression per name, bounded by anything that cannot continue a C# identifier.
        const string IdentifierPart = @"[\p{L}\p{Nd}\p{Pc}\p{Mn}\p{Mc}\p{Cf}]";
        var expected = new List<(int Position, string Name)>();
        foreach (var name in names)
        {
            var whole = new Regex($"(?<!{IdentifierPart}){Regex.Escape(name)}(?!{IdentifierPart})");
            expected.AddRange(whole.Matches(Submission).Select(m => (m.Index, name)));
        }

        var found = new List<(int Position, string Name)>();
        new IdentifierNames(names).FindIn(Submission, found);

        Assert.Equal(expected.OrderBy(hit => hit.Position), found);
    }

    [Fact]
    public void Whole_identifiers_only_and_comments_and_strings_count()
    {
        var found = new List<(int Position, string Name)>();
        new IdentifierNames(["Ring", "Kick"]).FindIn(Submission, found);

        // Ring: twice in the comment, d.Ring, d?.Ring, d.@Ring, Ä.Ring; Kick: the declaration, Kick(d, ring), the string.
        Assert.Equal(6, found.Count(hit => hit.Name == "Ring"));
        Assert.Equal(3, found.Count(hit => hit.Name == "Kick"));
    }

    [Fact]
    public void No_names_find_nothing()
    {
        var found = new List<(int Position, string Name)>();
        var none = new IdentifierNames(["", ""]);

        none.FindIn(Submission, found);

        Assert.True(none.IsEmpty);
        Assert.Empty(found);
    }
}

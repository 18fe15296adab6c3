using System.Linq;
using DoorbellGuard.Analyzers.Flow;
using DoorbellGuard.Analyzers.Tests.Verifiers;
using DoorbellGuard.Analyzers.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Tests.Translation;

/// <summary>Conditions on a status read as the set of statuses for which they hold: a table of the shapes users write.</summary>
public class StatusConditionsTests
{
    // Bits: Connected 1, ConnectedNotify 2, DisconnectedRetry 4, DisconnectedAbort 8.
    [Theory]
    [InlineData("s == DoorbellStatus.Connected", 0b0001)]
    [InlineData("s != DoorbellStatus.Connected", 0b1110)]
    [InlineData("DoorbellStatus.DisconnectedAbort == s", 0b1000)]
    [InlineData("!(s == DoorbellStatus.ConnectedNotify)", 0b1101)]
    [InlineData("s >= DoorbellStatus.DisconnectedRetry", 0b1100)]
    [InlineData("s < DoorbellStatus.DisconnectedRetry", 0b0011)]
    [InlineData("(int)s == 3", 0b1000)]
    [InlineData("s is DoorbellStatus.Connected or DoorbellStatus.ConnectedNotify", 0b0011)]
    [InlineData("s is not DoorbellStatus.DisconnectedAbort", 0b0111)]
    [InlineData("s is > DoorbellStatus.Connected and < DoorbellStatus.DisconnectedAbort", 0b0110)]
    [InlineData("s is (DoorbellStatus.Connected or DoorbellStatus.DisconnectedAbort)", 0b1001)]
    [InlineData("s is DoorbellStatus.ConnectedNotify or var _", 0b1111)]
    [InlineData("n == DoorbellStatus.DisconnectedRetry", 0b0100)]
    public void A_condition_holds_for_these_statuses(string condition, int statuses)
    {
        var operation = Condition(condition);
        Assert.True(StatusConditions.TryRead(operation, Symbols.IsStatus, out var subject, out var whenTrue, out var declared));
        Assert.Equal(statuses, whenTrue);
        Assert.Null(declared);
        Assert.Contains(subject.Syntax.ToString(), new[] { "s", "n", "(int)s" });
    }

    [Theory]
    [InlineData("s == other")]
    [InlineData("x == 3")]
    [InlineData("s is { } whatever")]
    [InlineData("s.ToString() == \"Connected\"")]
    public void A_condition_that_does_not_decide_statuses_is_not_read(string condition) =>
        Assert.False(StatusConditions.TryRead(Condition(condition), Symbols.IsStatus, out _, out _, out _));

    [Fact]
    public void A_declaration_pattern_holds_for_every_status_and_names_the_local()
    {
        Assert.True(StatusConditions.TryRead(Condition("s is var t"), Symbols.IsStatus, out _, out var whenTrue, out var declared));
        Assert.Equal(StatusMask.All, whenTrue);
        Assert.Equal("t", declared!.Name);
    }

    [Theory]
    [InlineData(BinaryOperatorKind.Equals, 1, false, 0b0010)]
    [InlineData(BinaryOperatorKind.NotEquals, 1, false, 0b1101)]
    [InlineData(BinaryOperatorKind.LessThan, 2, false, 0b0011)]
    [InlineData(BinaryOperatorKind.LessThan, 2, true, 0b1000)]
    [InlineData(BinaryOperatorKind.GreaterThanOrEqual, 7, false, 0b0000)]
    [InlineData(BinaryOperatorKind.LessThanOrEqual, -1, true, 0b1111)]
    public void Relational_operators_against_a_constant(BinaryOperatorKind kind, long constant, bool swapped, int statuses)
    {
        Assert.True(StatusConditions.TryRelational(kind, constant, swapped, out var whenTrue));
        Assert.Equal(statuses, whenTrue);
    }

    [Fact]
    public void Arithmetic_is_no_relation() => Assert.False(StatusConditions.TryRelational(BinaryOperatorKind.Add, 1, false, out _));

    [Theory]
    [InlineData("d == null", true)]
    [InlineData("null != d", false)]
    [InlineData("d is null", true)]
    [InlineData("d is not null", false)]
    public void Null_checks_name_their_subject(string condition, bool nullWhenTrue)
    {
        Assert.True(StatusConditions.TryReadNullCheck(Condition(condition), out var subject, out var whenTrue));
        Assert.Equal(nullWhenTrue, whenTrue);
        Assert.Equal("d", subject.Syntax.ToString());
    }

    private static readonly Analyzers.Protocol.ProtocolSymbols Symbols = Analyzers.Protocol.ProtocolSymbols.TryCreate(ModelDump.Compile("class Empty { }"))!;

    private static IOperation Condition(string condition)
    {
        var source = "using DoorbellGuard;\nclass C\n{\n    bool M(DoorbellStatus s, DoorbellStatus? n, DoorbellStatus other, Doorbell d, int x) => " + condition + ";\n}\n";
        var compilation = ModelDump.Compile(source);
        var tree = compilation.SyntaxTrees[0];
        var expression = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
        return compilation.GetSemanticModel(tree).GetOperation(expression)!;
    }
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>A factory of the compilation that returns a doorbell it created and did not connect is a creation for DBL005.</summary>
public class FactoryHelperTests
{
    private static DiagnosticResult Created(string clause, params int[] locations)
    {
        var rule = Descriptors.RingBeforeConnect;
        var result = new DiagnosticResult(rule.Id, rule.DefaultSeverity)
            .WithMessage(string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat.ToString(), "d") + clause);
        foreach (var location in locations)
            result = result.WithLocation(location);
        return result;
    }

    [Theory]
    [InlineData("private static Doorbell Make(HardwareQueue q) => {|#1:q.CreateDoorbell()|};")]
    [InlineData("private static Doorbell Make(HardwareQueue q) { var made = {|#1:q.CreateDoorbell()|}; return made; }")]
    public async Task A_factory_that_does_not_connect_is_reported_at_the_callers_first_ring(string factory)
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Setup
            {
                public void Run(HardwareQueue q)
                {
                    var d = Make(q);
                    {|#0:d.Ring(1)|};
                    Handle(d.ReadStatus());
                }
                private static extern void Handle(DoorbellStatus status);
                FACTORY
            }
            """.Replace("FACTORY", factory), Created(" (the doorbell is created at line 11)", 0, 1));
    }

    [Theory]
    [InlineData("var d = Make(q); d.Connect(); d.Ring(1); Handle(d.ReadStatus());")]
    [InlineData("var d = Open(q); d.Ring(1); Handle(d.ReadStatus());")]
    [InlineData("var d = Make(q); Keep(d); d.Ring(1); Handle(d.ReadStatus());")]
    [InlineData("var d = Reuse(q); d.Ring(1); Handle(d.ReadStatus());")]
    public async Task A_doorbell_from_a_factory_connected_before_its_ring_or_by_the_factory_is_clean(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            sealed class Setup
            {
                private Doorbell? _kept;
                public void Run(HardwareQueue q) { BODY }
                private static Doorbell Make(HardwareQueue q) => q.CreateDoorbell();
                private static Doorbell Open(HardwareQueue q) { var d = q.CreateDoorbell(); d.Connect(); return d; }
                private void Keep(Doorbell d) => _kept = d;
                private Doorbell Reuse(HardwareQueue q) { var d = _kept ?? q.CreateDoorbell(); return d; }
                private static extern void Handle(DoorbellStatus status);
            }
            """.Replace("BODY", body));
    }

    [Fact]
    public async Task A_factorys_doorbell_rung_through_a_helper_is_reported_at_the_helper_call()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using DoorbellGuard;
            unsafe sealed class Setup
            {
                private ulong* _ring;
                public void Run(HardwareQueue q)
                {
                    var d = Make(q);
                    _ring[0] = 0xC0DE;
                    {|#0:Kick(d)|};
                }
                private static Doorbell Make(HardwareQueue q) => q.CreateDoorbell();
                private static void Kick(Doorbell d) { d.Ring(1); Handle(d.ReadStatus()); }
                private static extern void Handle(DoorbellStatus status);
            }
            """, Expect.BeforeConnect(0));
    }
}

using System.Threading.Tasks;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests.Registration;

/// <summary>
/// Every kind of member that holds code is found by the per-tree entry (<see cref="Analyzers.Registration.CandidateMembers"/>):
/// a bare ring in it is reported, a confirmed ring is not.
/// </summary>
public class MemberKindTests
{
    public static readonly TheoryData<string> Members = new()
    {
        "System.Action _field = () => { RING; };",
        "System.Action Initialized { get; } = () => { RING; };",
        "System.Action Arrow => () => { RING; };",
        "int Getter { get { RING; return 0; } }",
        "ulong Setter { set { RING; } }",
        "int this[int i] { get { RING; return i; } }",
        "System.Action this[long i] => () => { RING; };",
        "event System.Action Raised { add { RING; } remove { } }",
        "public static C operator +(C c, int i) { RING; return c; }",
        "public static implicit operator int(C c) { RING; return 0; }",
        "C(int x) : this(() => { RING; }) { }\n    C(System.Action a) { }",
        "~C() { RING; }",
        "int Local { get { return Kick(); int Kick() { RING; return 1; } } }",
    };

    [Theory]
    [MemberData(nameof(Members))]
    public async Task A_bare_ring_in_the_member_is_reported(string member) =>
        await VerifyCS.VerifyAnalyzerAsync(Class(member, "{|#0:s_d.Ring(1)|}"),
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("s_d"));

    [Theory]
    [MemberData(nameof(Members))]
    public async Task A_confirmed_ring_in_the_member_is_clean(string member) =>
        await VerifyCS.VerifyAnalyzerAsync(Class(member, "s_d.RingAndConfirm(1)"));

    [Fact]
    public async Task A_bare_ring_in_primary_constructor_arguments_is_reported() =>
        await VerifyCS.VerifyAnalyzerAsync(PrimaryConstructor("{|#0:Bells.D.Ring(1)|}"),
            VerifyCS.Diagnostic(Descriptors.RingWithoutStatusRead).WithLocation(0).WithArguments("Bells.D"));

    [Fact]
    public async Task A_confirmed_ring_in_primary_constructor_arguments_is_clean() =>
        await VerifyCS.VerifyAnalyzerAsync(PrimaryConstructor("Bells.D.RingAndConfirm(1)"));

    private static string Class(string member, string ring) =>
        "using DoorbellGuard;\nclass C\n{\n    static Doorbell s_d = null!;\n    " + member.Replace("RING", ring) + "\n}\n";

    private static string PrimaryConstructor(string ring) => """
        using DoorbellGuard;
        static class Bells { public static Doorbell D = null!; }
        class B(System.Action a) { public System.Action A = a; }
        class C() : B(() => { RING; });
        """.Replace("RING", ring);
}

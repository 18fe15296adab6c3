using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// Every combination of what follows a ring (nothing, a discarded read, partial handling, a single retry,
/// a retry loop, a switch) with where the ring sits (method, switch section, lambda, local function, if
/// block, using, try, foreach): the analyzer flags it, and after Fix All of each ring fix the code
/// compiles and the analyzer is silent.
/// </summary>
public class FixedCodeIsCleanTests
{
    private static readonly Dictionary<string, string> Tails = new()
    {
        ["alone"] = "",
        ["discarded read"] = "d.ReadStatus();",
        ["unused read"] = "var s = d.ReadStatus();",
        ["notify only"] = "var s = d.ReadStatus(); if (s == DoorbellStatus.ConnectedNotify) { d.NotifyWorkSubmission(); }",
        ["abort only"] = "var s = d.ReadStatus(); if (s == DoorbellStatus.DisconnectedAbort) { throw new System.InvalidOperationException(\"lost\"); }",
        ["single inline retry"] = "if (d.ReadStatus() == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.Ring(v); }",
        ["switch with abort"] = "switch (d.ReadStatus()) { case DoorbellStatus.DisconnectedRetry: d.Connect(); break; case DoorbellStatus.DisconnectedAbort: return; }",
        ["retry while loop"] = "var s = d.ReadStatus(); while (s == DoorbellStatus.DisconnectedRetry) { d.Connect(); d.Ring(v); s = d.ReadStatus(); }",
        ["not connected returns"] = "var s = d.ReadStatus(); if (s != DoorbellStatus.Connected) { return; }",
        ["assigned to a local"] = "DoorbellStatus s; s = d.ReadStatus(); if (s == DoorbellStatus.ConnectedNotify) { d.NotifyWorkSubmission(); }",
    };

    private static readonly Dictionary<string, string> Containers = new()
    {
        ["method"] = "BODY",
        ["switch section"] = "switch (mode) { case 1: BODY break; }",
        ["statement lambda"] = "System.Action run = () => { BODY }; run();",
        ["local function"] = "void Run() { BODY } Run();",
        ["if block"] = "if (mode > 0) { BODY }",
        ["using block"] = "using (new System.IO.MemoryStream()) { BODY }",
        ["try finally"] = "try { BODY } finally { System.Console.WriteLine(); }",
        ["foreach"] = "foreach (var item in new int[2]) { BODY }",
    };

    // RingAndConfirm's rewrite does not depend on the container beyond the statement list: three are enough.
    private static readonly string[] RingAndConfirmContainers = { "method", "switch section", "statement lambda" };

    public static IEnumerable<object[]> Cases() =>
        from tail in Tails.Keys
        from container in Containers.Keys
        from fix in new[] { "retry", "RingAndConfirm" }
        where fix == "retry" || RingAndConfirmContainers.Contains(container)
        select new object[] { tail, container, fix };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fixed_code_compiles_and_is_clean(string tail, string container, string fix)
    {
        var body = "d.Ring(v); " + Tails[tail];
        var source = $$"""
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong v, int mode)
                {
                    {{Containers[container].Replace("BODY", body, System.StringComparison.Ordinal)}}
                }
            }
            """;
        var document = await FixRunner.CreateDocumentAsync(source);
        Assert.Empty(await FixRunner.CompilerErrorsAsync(document));
        Assert.NotEmpty(await FixRunner.DoorbellDiagnosticsAsync(document));

        DoorbellCodeFixProvider provider = fix == "retry" ? new CheckStatusAndRetryCodeFixProvider() : new UseRingAndConfirmCodeFixProvider();
        var fixedDocument = await FixRunner.FixAllInDocumentAsync(document, provider);
        var fixedText = (await fixedDocument.GetTextAsync()).ToString();

        Assert.NotEqual(source, fixedText);
        var errors = await FixRunner.CompilerErrorsAsync(fixedDocument);
        Assert.True(errors.IsEmpty, string.Join("\n", errors) + "\n" + fixedText);
        var remaining = await FixRunner.DoorbellDiagnosticsAsync(fixedDocument);
        Assert.True(remaining.IsEmpty, string.Join("\n", remaining) + "\n" + fixedText);
    }
}

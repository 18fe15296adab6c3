using System.Threading;
using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

public class FormattingOptionsTests
{
    [Fact]
    public async Task Inserted_code_follows_the_editorconfig_indentation()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using DoorbellGuard;

                class Submitter
                {
                  public void Submit(Doorbell d, ulong value)
                  {
                    {|#0:d.Ring(value)|};
                  }
                }
                """,
            FixedCode = """
                using DoorbellGuard;

                class Submitter
                {
                  public void Submit(Doorbell d, ulong value)
                  {
                    DoorbellStatus status;
                    do
                    {
                      d.Ring(value);
                      status = d.ReadStatus();
                      if (status == DoorbellStatus.DisconnectedRetry)
                      {
                        d.Connect();
                      }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                      throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                      d.NotifyWorkSubmission();
                    }
                  }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nindent_size = 2\nindent_style = space\n"));
        test.ExpectedDiagnostics.AddRange(VerifyCS.At(0, "d", RingWithoutStatusRead));
        await test.RunAsync(CancellationToken.None);
    }
}

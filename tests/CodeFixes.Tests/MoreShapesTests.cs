using System.Linq;
using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using ConfirmCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.UseRingAndConfirmCodeFixProvider>;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>The rest of the shapes the analyzer covers: conditional access, setters, constructors, async, iterators, try/finally.</summary>
public class MoreShapesTests
{
    [Fact]
    public async Task Conditional_ring_is_guarded_by_a_null_check()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell? _maybe;

                public void Maybe(ulong v)
                {
                    {|#0:_maybe?.Ring(v + 1)|}; // if there is one
                }
            }
            """,
            VerifyCS.At(0, "_maybe", RingWithoutStatusRead),
            $$"""
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell? _maybe;

                public void Maybe(ulong v)
                {
                    if (_maybe != null)
                    {
                        var value = v + 1;
            {{Pattern("_maybe", "_maybe.Ring(value); // if there is one", "status", 3)}}
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Conditional_ring_becomes_conditional_RingAndConfirm()
    {
        await ConfirmCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Maybe(Doorbell? d, ulong v)
                {
                    {|#0:d?.Ring(v)|};
                }
            }
            """,
            ConfirmCS.At(0, "d", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Maybe(Doorbell? d, ulong v)
                {
                    d?.RingAndConfirm(v);
                }
            }
            """);
    }

    [Fact]
    public async Task Constructor_setter_async_iterator_and_try_finally()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell _d;

                public Submitter(Doorbell d, ulong first)
                {
                    _d = d;
                    {|#0:_d.Ring(first)|};
                }

                public ulong WritePointer
                {
                    set => {|#1:_d.Ring(value)|};
                }

                public async Task SubmitAsync(ulong v)
                {
                    await Task.Yield();
                    {|#2:_d.Ring(v)|};
                }

                public IEnumerable<int> Steps(ulong v)
                {
                    yield return 1;
                    {|#3:_d.Ring(v)|};
                    yield return 2;
                }

                public void Guarded(ulong v)
                {
                    try
                    {
                        {|#4:_d.Ring(v)|};
                    }
                    finally
                    {
                        System.Console.WriteLine("done");
                    }
                }
            }
            """,
            Enumerable.Range(0, 5).SelectMany(i => VerifyCS.At(i, "_d", RingWithoutStatusRead)).ToArray(),
            $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell _d;

                public Submitter(Doorbell d, ulong first)
                {
                    _d = d;
            {{Pattern("_d", "_d.Ring(first);", "status", 2)}}
                }

                public ulong WritePointer
                {
                    set
                    {
            {{Pattern("_d", "_d.Ring(value);", "status", 3)}}
                    }
                }

                public async Task SubmitAsync(ulong v)
                {
                    await Task.Yield();
            {{Pattern("_d", "_d.Ring(v);", "status", 2)}}
                }

                public IEnumerable<int> Steps(ulong v)
                {
                    yield return 1;
            {{Pattern("_d", "_d.Ring(v);", "status", 2)}}

                    yield return 2;
                }

                public void Guarded(ulong v)
                {
                    try
                    {
            {{Pattern("_d", "_d.Ring(v);", "status", 3)}}
                    }
                    finally
                    {
                        System.Console.WriteLine("done");
                    }
                }
            }
            """);
    }

    /// <summary>The fix's output for one ring, indented by <paramref name="depth"/> levels of four spaces.</summary>
    private static string Pattern(string doorbell, string ring, string status, int depth)
    {
        var text = $$"""
            DoorbellStatus {{status}};
            do
            {
                {{ring}}
                {{status}} = {{doorbell}}.ReadStatus();
                if ({{status}} == DoorbellStatus.DisconnectedRetry)
                {
                    {{doorbell}}.Connect();
                }
            }
            while ({{status}} == DoorbellStatus.DisconnectedRetry);
            if ({{status}} == DoorbellStatus.DisconnectedAbort)
            {
                throw new DoorbellAbortedException("The device behind doorbell '{{doorbell}}' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
            }

            if ({{status}} == DoorbellStatus.ConnectedNotify)
            {
                {{doorbell}}.NotifyWorkSubmission();
            }
            """;
        var indent = new string(' ', depth * 4);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indent + line));
    }
}

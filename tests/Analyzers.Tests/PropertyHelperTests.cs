using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = DoorbellGuard.Analyzers.Tests.Verifiers.DoorbellVerifier;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>Property accessors of the compilation are followed as helpers, like methods: a getter that reads or rings, a setter that rings.</summary>
public class PropertyHelperTests
{
    private const string Queue = """
        using DoorbellGuard;
        sealed class Queue
        {
            private readonly Doorbell _d = null!;
            private ulong _tail;
            private DoorbellStatus Status => _d.ReadStatus();
            private ulong Tail { get => _tail; set { _tail = value; _d.Ring(value); } }
            private DoorbellStatus Kicked { get { _d.Ring(_tail); return _d.ReadStatus(); } }

            // Every accessor is used somewhere, so each is a helper whose users answer for what it leaves.
            public void UseAll()
            {
                Tail = 1;
                var s = Kicked;
                while (s == DoorbellStatus.DisconnectedRetry) { _d.Connect(); _d.Ring(_tail); s = Status; }
                if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                if (s == DoorbellStatus.ConnectedNotify) _d.NotifyWorkSubmission();
            }

            BODY
        }
        """;

    [Theory]
    [InlineData("_d.Ring(1); var s = Status;")]
    [InlineData("Tail = 5; var s = _d.ReadStatus();")]
    [InlineData("var s = Kicked;")]
    public async Task An_accessor_that_rings_or_reads_counts_at_its_use(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(Queue.Replace("BODY", "public void Submit() { " + body + """

                while (s == DoorbellStatus.DisconnectedRetry) { _d.Connect(); _d.Ring(_tail); s = _d.ReadStatus(); }
                if (s == DoorbellStatus.DisconnectedAbort) throw new DoorbellAbortedException("lost");
                if (s == DoorbellStatus.ConnectedNotify) _d.NotifyWorkSubmission();
            }
            """));
    }

    [Fact]
    public async Task A_setter_that_rings_and_a_use_that_never_reads_is_reported_at_the_use()
    {
        await VerifyCS.VerifyAnalyzerAsync(Queue.Replace("BODY", "public void Submit() { {|#0:Tail = 5|}; }"), Expect.NoRead(0, "_d"));
    }

    [Fact]
    public async Task A_getter_read_whose_status_is_dropped_is_reported_at_the_ring_in_pointer_code()
    {
        await VerifyCS.VerifyAnalyzerAsync(Queue.Replace("BODY", """
            public unsafe void Submit(ulong* slots) { slots[_tail & 255] = 0xC0DE; {|#0:_d.Ring(_tail)|}; var s = Status; System.GC.KeepAlive(s.ToString()); }
            """).Replace("sealed class Queue", "unsafe sealed class Queue"), Expect.Retry(0, "_d"), Expect.Notify(0, "_d"), Expect.Abort(0, "_d"));
    }
}

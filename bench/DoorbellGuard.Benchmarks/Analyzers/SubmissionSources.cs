using System;
using System.Globalization;
using System.Text;

namespace DoorbellGuard.Benchmarks.Analyzers;

/// <summary>
/// The source text of the submission methods the analyzer benchmarks analyze: the documented loop, and a long
/// command-stream submission method made of stages, whose control-flow graph grows by about 30 blocks per stage.
/// </summary>
internal static class SubmissionSources
{
    /// <summary>The documented connect / ring / read / notify-or-reconnect loop: a typical submission method.</summary>
    public const string Typical = """
        using DoorbellGuard;

        public sealed class Submitter
        {
            private readonly Doorbell _doorbell;
            private ulong _writePointer;

            public Submitter(Doorbell doorbell) => _doorbell = doorbell;

            public bool Submit(ulong packetSize)
            {
                _doorbell.Connect();
                DoorbellStatus status;
                do
                {
                    _writePointer += packetSize;
                    _doorbell.Ring(_writePointer);
                    status = _doorbell.ReadStatus();
                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        _doorbell.NotifyWorkSubmission();
                    }
                    else if (status == DoorbellStatus.DisconnectedRetry)
                    {
                        _doorbell.Connect();
                    }
                }
                while (status == DoorbellStatus.DisconnectedRetry);
                return status != DoorbellStatus.DisconnectedAbort;
            }
        }
        """;

    /// <summary>The name of the method the benchmarks analyze, in every source here.</summary>
    public const string MethodName = "Submit";

    /// <summary>The comment on the line before the long method's last ring, whose status is never read.</summary>
    private const string UnreadRingComment = "// Kept on purpose: the last ring's status is never read.";

    /// <summary>
    /// A command-stream submitter whose <c>Submit</c> runs <paramref name="stages"/> stages, each in one of three forms
    /// (copy packets into the ring buffer and ring in a do/while under a lock; write a fence packet and retry in a bounded
    /// for loop; spin on the fence page and ring in try/catch), alternating between a 3D and a copy doorbell. The ring
    /// buffer and the fence page are written through <c>ulong*</c> in unsafe code when <paramref name="pointers"/> is set,
    /// through arrays otherwise (the same control flow). Every stage is compliant; the method ends with one ring whose
    /// status is never read (DBL001), kept on purpose so a benchmark can check that the analysis ran to the end.
    /// </summary>
    public static string Large(int stages, bool pointers)
    {
        var memory = pointers ? "ulong*" : "ulong[]";
        var slotType = pointers ? "ulong*" : "int";
        var slotAtWritePointer = pointers ? "_ring + (_writePointer & _ringMask)" : "(int)(_writePointer & _ringMask)";
        string At(int offset) => (pointers, offset) switch
        {
            (true, 0) => "*slot",
            (true, _) => $"slot[{offset}]",
            (false, 0) => "_ring[slot]",
            _ => $"_ring[slot + {offset}]",
        };
        var fenceSlot = pointers ? "*(_ring + (_writePointer & _ringMask))" : "_ring[(int)(_writePointer & _ringMask)]";
        var fenceRead = pointers ? "Volatile.Read(ref *_fencePage)" : "Volatile.Read(ref _fencePage[0])";
        var text = new StringBuilder(stages * 1600 + 2000);
        text.Append($$"""
            using System;
            using System.Threading;
            using DoorbellGuard;

            public sealed {{(pointers ? "unsafe " : "")}}class CommandStreamSubmitter
            {
                private readonly Doorbell _doorbell;
                private readonly Doorbell _copyDoorbell;
                private readonly {{memory}} _ring;
                private readonly {{memory}} _fencePage;
                private readonly ulong _ringMask;
                private readonly object _gate = new();
                private ulong _writePointer;
                private int _dropped;
                private int _lost;
                private int _stalls;

                public CommandStreamSubmitter(Doorbell doorbell, Doorbell copyDoorbell, {{memory}} ring, {{memory}} fencePage, ulong ringMask)
                {
                    _doorbell = doorbell;
                    _copyDoorbell = copyDoorbell;
                    _ring = ring;
                    _fencePage = fencePage;
                    _ringMask = ringMask;
                }

                public int Dropped => _dropped;

                public int Stalls => _stalls;

                public int Submit(ReadOnlySpan<ulong> packets, ulong fenceValue)
                {
                    {{slotType}} slot;
                    DoorbellStatus status;
                    int attempts;
                    int spins;
                    int submitted = 0;

            """);
        for (int stage = 0; stage < stages; stage++)
        {
            var bell = stage % 2 == 0 ? "_doorbell" : "_copyDoorbell";
            var k = stage.ToString(CultureInfo.InvariantCulture);
            var kind = (stage % 16).ToString(CultureInfo.InvariantCulture);
            var limit = (2 + stage % 7).ToString(CultureInfo.InvariantCulture);
            text.Append((stage % 3) switch
            {
                0 => $$"""
                            // stage {{k}}: the packets of kind {{kind}} into the ring buffer, then one ring for the batch
                            slot = {{slotAtWritePointer}};
                            for (int i = 0; i < packets.Length; i++)
                            {
                                ulong packet = packets[i];
                                if ((packet & 0xF) != {{kind}}UL)
                                {
                                    continue;
                                }
                                switch ((int)(packet >> 60))
                                {
                                    case 0:
                                        {{At(0)}} = packet;
                                        break;
                                    case 1:
                                        {{At(0)}} = packet ^ fenceValue;
                                        {{At(1)}} = fenceValue + {{k}}UL;
                                        _writePointer++;
                                        break;
                                    case 2 when packet > {{k}}UL:
                                        {{At(0)}} = packet >> 4;
                                        break;
                                    default:
                                        _dropped++;
                                        continue;
                                }
                                _writePointer++;
                                slot = {{slotAtWritePointer}};
                            }
                            Monitor.Enter(_gate);
                            try
                            {
                                attempts = 0;
                                do
                                {
                                    {{bell}}.Ring(_writePointer);
                                    status = {{bell}}.ReadStatus();
                                    if (status == DoorbellStatus.ConnectedNotify)
                                    {
                                        {{bell}}.NotifyWorkSubmission();
                                    }
                                    else if (status == DoorbellStatus.DisconnectedRetry)
                                    {
                                        {{bell}}.Connect();
                                        attempts++;
                                    }
                                    else if (status == DoorbellStatus.DisconnectedAbort)
                                    {
                                        throw new DoorbellAbortedException("device lost in stage {{k}}");
                                    }
                                }
                                while (status == DoorbellStatus.DisconnectedRetry && attempts < {{limit}});
                                if (status == DoorbellStatus.DisconnectedRetry)
                                {
                                    throw new DoorbellException("stage {{k}}: the doorbell stayed disconnected");
                                }
                                submitted++;
                            }
                            finally
                            {
                                Monitor.Exit(_gate);
                            }

                    """,
                1 => $$"""
                            // stage {{k}}: a fence packet, then a bounded retry
                            {{fenceSlot}} = fenceValue | ({{k}}UL << 48);
                            _writePointer++;
                            for (attempts = 0; ; attempts++)
                            {
                                {{bell}}.Ring(_writePointer);
                                status = {{bell}}.ReadStatus();
                                if (status == DoorbellStatus.Connected)
                                {
                                    break;
                                }
                                if (status == DoorbellStatus.ConnectedNotify)
                                {
                                    {{bell}}.NotifyWorkSubmission();
                                    break;
                                }
                                if (status == DoorbellStatus.DisconnectedAbort)
                                {
                                    _lost++;
                                    return submitted;
                                }
                                if (attempts == {{limit}})
                                {
                                    throw new DoorbellException("stage {{k}}: retries exhausted");
                                }
                                {{bell}}.Connect();
                            }
                            submitted++;

                    """,
                _ => $$"""
                            // stage {{k}}: wait until the GPU passed an earlier fence, then ring
                            spins = 0;
                            while ({{fenceRead}} + {{k}}UL < fenceValue)
                            {
                                if (++spins > {{limit}}000)
                                {
                                    _stalls++;
                                    break;
                                }
                                Thread.SpinWait(8);
                            }
                            try
                            {
                                {{bell}}.Ring(_writePointer);
                                status = {{bell}}.ReadStatus();
                                while (status == DoorbellStatus.DisconnectedRetry)
                                {
                                    {{bell}}.Connect();
                                    {{bell}}.Ring(_writePointer);
                                    status = {{bell}}.ReadStatus();
                                }
                                if (status == DoorbellStatus.DisconnectedAbort)
                                {
                                    throw new DoorbellAbortedException("device lost in stage {{k}}");
                                }
                                if (status == DoorbellStatus.ConnectedNotify)
                                {
                                    {{bell}}.NotifyWorkSubmission();
                                }
                                submitted++;
                            }
                            catch (DoorbellException) when (_lost < {{limit}})
                            {
                                _lost++;
                            }

                    """,
            });
        }
        text.Append("""
                    // Kept on purpose: the last ring's status is never read.
                    _copyDoorbell.Ring(_writePointer);
                    return submitted;
                }
            }

            """);
        return text.ToString();
    }

    /// <summary>What DoorbellGuard must report on <see cref="Large"/>: DBL001 at its last ring, and nothing else.</summary>
    public static string LargeExpectedDiagnostics(string source)
    {
        int comment = source.IndexOf(UnreadRingComment, StringComparison.Ordinal);
        int line = 2; // 1-based, and the ring is on the line after the comment
        for (int i = 0; i < comment; i++)
        {
            if (source[i] == '\n')
            {
                line++;
            }
        }
        return $"DBL001 at line {line}";
    }
}

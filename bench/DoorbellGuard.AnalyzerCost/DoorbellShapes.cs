using System;
using System.Collections.Generic;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>What a shape template needs to write one method: unique names and a few random constants.</summary>
internal sealed class ShapeContext
{
    public ShapeContext(Random random, string methodName)
    {
        Random = random;
        M = methodName;
        V = Pick("value", "writePointer", "tail", "next", "wp");
        N = random.Next(1, 4096);
        Attempts = random.Next(2, 9);
    }

    public Random Random { get; }

    /// <summary>The method's name (unique in its class).</summary>
    public string M { get; }

    /// <summary>The name of the rung value.</summary>
    public string V { get; }

    /// <summary>A random constant, so no two methods are the same text.</summary>
    public int N { get; }

    /// <summary>A bound for retry loops.</summary>
    public int Attempts { get; }

    private string Pick(params string[] names) => names[Random.Next(names.Length)];

    /// <summary>Zero to two ordinary statements that have nothing to do with the doorbell, indented by <paramref name="indent"/> spaces.</summary>
    public string Filler(int indent)
    {
        var pad = new string(' ', indent);
        return Random.Next(4) switch
        {
            0 => "",
            1 => $"{pad}_submitted += {Random.Next(1, 9)};\n",
            2 => $"{pad}_checksum = unchecked(_checksum * 31 + {Random.Next(1, 1000)}UL);\n",
            _ => $"{pad}if (_submitted > {Random.Next(100, 100000)})\n{pad}{{\n{pad}    _submitted = 0;\n{pad}}}\n",
        };
    }
}

/// <summary>One way of using a doorbell, compliant or not, and the diagnostics the rules of issue #3 call for on it.</summary>
internal sealed record DoorbellShape(string Name, string[] ExpectedDiagnostics, Func<ShapeContext, string> Write);

/// <summary>
/// The doorbell-using method shapes of the generated project: the documented loop, retry loops, switch statements
/// and expressions, try/finally, lambdas, local functions, wrappers, async, iterators, and the classic mistakes.
/// Written with the real DoorbellGuard names; the project without DoorbellGuard renames them textually.
/// </summary>
internal static class DoorbellShapes
{
    private static readonly string[] None = Array.Empty<string>();

    public static readonly IReadOnlyList<DoorbellShape> All = new DoorbellShape[]
    {
        new("DocumentedLoop", None, c => $$"""
                public bool {{c.M}}(ulong fence)
                {
                    _bell.Connect();
                    DoorbellStatus status;
                    do
                    {
                        _fenceLastQueued = fence;
                        _writePointer += {{c.N}};
            {{c.Filler(8)}}            _bell.Ring(_writePointer);
                        status = _bell.ReadStatus();
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _bell.NotifyWorkSubmission();
                        }
                        else if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            _bell.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        return false;
                    }
            {{c.Filler(8)}}        return true;
                }

            """),

        new("RetryFor", None, c => $$"""
                public bool {{c.M}}(ulong {{c.V}})
                {
                    for (int attempt = 0; attempt < {{c.Attempts}}; attempt++)
                    {
                        _bell.Ring({{c.V}});
                        var status = _bell.ReadStatus();
                        if (status == DoorbellStatus.Connected)
                        {
                            return true;
                        }
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _bell.NotifyWorkSubmission();
                            return true;
                        }
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("device lost after {{c.N}} submissions");
                        }
            {{c.Filler(12)}}                _bell.Connect();
                    }
                    throw new DoorbellException("the doorbell stayed disconnected after {{c.Attempts}} attempts");
                }

            """),

        new("SwitchRecursive", None, c => $$"""
                public static void {{c.M}}(Doorbell doorbell, ulong {{c.V}})
                {
                    doorbell.Ring({{c.V}});
                    switch (doorbell.ReadStatus())
                    {
                        case DoorbellStatus.Connected:
                            break;
                        case DoorbellStatus.ConnectedNotify:
                            doorbell.NotifyWorkSubmission();
                            break;
                        case DoorbellStatus.DisconnectedRetry:
                            doorbell.Connect();
                            {{c.M}}(doorbell, {{c.V}});
                            break;
                        default:
                            throw new DoorbellAbortedException("device lost");
                    }
                }

            """),

        new("SwitchExpressionWithWrapper", None, c => $$"""
                public static int {{c.M}}(Doorbell doorbell, ulong {{c.V}})
                {
                    doorbell.Ring({{c.V}} + {{c.N}});
                    return doorbell.ReadStatus() switch
                    {
                        DoorbellStatus.Connected => 0,
                        DoorbellStatus.ConnectedNotify => NotifyAndCount(doorbell),
                        DoorbellStatus.DisconnectedRetry => throw new DoorbellException("disconnected: retry later"),
                        _ => throw new DoorbellAbortedException("device lost"),
                    };
                }

            """),

        new("TryFinallyLoop", None, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    Monitor.Enter(_gate);
                    try
                    {
                        DoorbellStatus status;
                        do
                        {
                            _bell.Ring({{c.V}});
                            status = _bell.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedAbort)
                            {
                                throw new DoorbellAbortedException("device lost");
                            }
                            if (status == DoorbellStatus.ConnectedNotify)
                            {
                                _bell.NotifyWorkSubmission();
                            }
                            if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                _bell.Connect();
                            }
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
            {{c.Filler(12)}}        }
                    finally
                    {
                        Monitor.Exit(_gate);
                    }
                }

            """),

        new("Lambda", None, c => $$"""
                public bool {{c.M}}(ulong {{c.V}})
                {
                    Func<ulong, bool> submit = value =>
                    {
                        while (true)
                        {
                            _bell.Ring(value);
                            var status = _bell.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                _bell.Connect();
                                continue;
                            }
                            if (status == DoorbellStatus.DisconnectedAbort)
                            {
                                return false;
                            }
                            if (status == DoorbellStatus.ConnectedNotify)
                            {
                                _bell.NotifyWorkSubmission();
                            }
                            return true;
                        }
                    };
            {{c.Filler(8)}}        return submit({{c.V}} + {{c.N}});
                }

            """),

        new("LocalFunction", None, c => $$"""
                public int {{c.M}}(ulong[] values)
                {
                    int delivered = 0;
                    foreach (var value in values)
                    {
                        if (Submit(_bell, value))
                        {
                            delivered++;
                        }
                    }
                    return delivered;

                    static bool Submit(Doorbell doorbell, ulong value)
                    {
                        for (int attempt = 0; attempt < {{c.Attempts}}; attempt++)
                        {
                            doorbell.Ring(value);
                            switch (doorbell.ReadStatus())
                            {
                                case DoorbellStatus.Connected:
                                    return true;
                                case DoorbellStatus.ConnectedNotify:
                                    doorbell.NotifyWorkSubmission();
                                    return true;
                                case DoorbellStatus.DisconnectedAbort:
                                    return false;
                            }
                            doorbell.Connect();
                        }
                        throw new DoorbellException("retries exhausted");
                    }
                }

            """),

        new("WrapperCaller", None, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
            {{c.Filler(8)}}        Kick(_bell, {{c.V}});
                    var status = _bell.ReadStatus();
                    if (status is DoorbellStatus.DisconnectedRetry or DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellException("submission {{c.N}} not delivered: " + status);
                    }
                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        _bell.NotifyWorkSubmission();
                    }
                }

            """),

        new("RingAndConfirm", None, c => $$"""
                public bool {{c.M}}(ulong {{c.V}})
                {
            {{c.Filler(8)}}        var status = _bell.RingAndConfirm({{c.V}});
                    return status == DoorbellStatus.ConnectedNotify;
                }

            """),

        new("QueueSubmit", None, c => $$"""
                public ulong {{c.M}}(byte[] commands)
                {
                    if (commands.Length == 0)
                    {
                        return 0;
                    }
            {{c.Filler(8)}}        return _queue.Submit(commands.AsSpan(0, Math.Min(commands.Length, {{c.N}})));
                }

            """),

        new("AsyncLoop", None, c => $$"""
                public async Task<bool> {{c.M}}(ulong {{c.V}}, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    DoorbellStatus status;
                    do
                    {
                        _bell.Ring({{c.V}});
                        status = _bell.ReadStatus();
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _bell.NotifyWorkSubmission();
                        }
                        else if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            await Task.Delay({{c.N % 10}}, cancellationToken);
                            _bell.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        return false;
                    }
                    return true;
                }

            """),

        new("CreatedAndConnected", None, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    using var doorbell = _queue.CreateDoorbell();
                    doorbell.Connect();
                    while (true)
                    {
                        doorbell.Ring({{c.V}});
                        var status = doorbell.ReadStatus();
                        if (status == DoorbellStatus.Connected)
                        {
                            break;
                        }
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            doorbell.NotifyWorkSubmission();
                            break;
                        }
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("device lost");
                        }
                        doorbell.Connect();
                    }
                }

            """),

        // A bare 'yield break' on abort tells the consumer nothing (it sees a shorter sequence): per the DBL004 page it
        // does not separate the abort case, like a bare 'return;' in a void method, so DBL004 is due at the ring.
        new("Iterator", new[] { "DBL004" }, c => $$"""
                public IEnumerable<ulong> {{c.M}}(int count)
                {
                    for (int i = 0; i < count; i++)
                    {
                        ulong value = (ulong)(i * {{c.N}});
                        DoorbellStatus status;
                        do
                        {
                            _bell.Ring(value);
                            status = _bell.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                _bell.Connect();
                            }
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            yield break;
                        }
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _bell.NotifyWorkSubmission();
                        }
                        yield return value;
                    }
                }

            """),

        new("RingWithoutRead", new[] { "DBL001" }, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    _writePointer = {{c.V}} + {{c.N}};
                    _bell.Ring(_writePointer);
            {{c.Filler(8)}}        _submitted++;
                }

            """),

        new("DiscardedRead", new[] { "DBL002", "DBL003", "DBL004" }, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    _bell.Ring({{c.V}});
                    _bell.ReadStatus();
            {{c.Filler(8)}}        _submitted++;
                }

            """),

        new("NotifyMissing", new[] { "DBL003" }, c => $$"""
                public bool {{c.M}}(ulong {{c.V}})
                {
                    DoorbellStatus status;
                    do
                    {
                        _bell.Ring({{c.V}});
                        status = _bell.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            return false;
                        }
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            _bell.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    return true;
                }

            """),

        new("AbortTreatedAsSuccess", new[] { "DBL004" }, c => $$"""
                public bool {{c.M}}(ulong {{c.V}})
                {
                    DoorbellStatus status;
                    do
                    {
                        _bell.Ring({{c.V}});
                        status = _bell.ReadStatus();
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _bell.NotifyWorkSubmission();
                        }
                        else if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            _bell.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
            {{c.Filler(8)}}        return true;
                }

            """),

        new("RingBeforeConnect", new[] { "DBL005" }, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    using var doorbell = _queue.CreateDoorbell();
                    DoorbellStatus status;
                    do
                    {
                        doorbell.Ring({{c.V}});
                        status = doorbell.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("device lost");
                        }
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            doorbell.NotifyWorkSubmission();
                        }
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            doorbell.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                }

            """),

        new("ConditionalAccessWithoutRead", new[] { "DBL001" }, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
            {{c.Filler(8)}}        _spare?.Ring({{c.V}} ^ {{c.N}});
                }

            """),

        new("WrongDoorbellRead", new[] { "DBL001" }, c => $$"""
                public void {{c.M}}(Doorbell other, ulong {{c.V}})
                {
                    _bell.Ring({{c.V}});
                    var status = other.ReadStatus();
                    if (status != DoorbellStatus.Connected)
                    {
                        throw new DoorbellException("status {{c.N}}: " + status);
                    }
                }

            """),

        new("WrapperCallerWithoutRead", new[] { "DBL001" }, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    Kick(_bell, {{c.V}} + {{c.N}});
            {{c.Filler(8)}}        _submitted++;
                }

            """),

        new("SwitchDefaultSharedWithConnected", new[] { "DBL003" }, c => $$"""
                public void {{c.M}}(ulong {{c.V}})
                {
                    while (true)
                    {
                        _bell.Ring({{c.V}});
                        switch (_bell.ReadStatus())
                        {
                            case DoorbellStatus.DisconnectedRetry:
                                _bell.Connect();
                                continue;
                            case DoorbellStatus.DisconnectedAbort:
                                throw new DoorbellAbortedException("device lost");
                            default:
                                _submitted++;
                                return;
                        }
                    }
                }

            """),
    };

    /// <summary>The members every generated submission class carries: state, the wrappers the shapes call, a constructor.</summary>
    public static string ClassPrelude(string className, int salt) => $$"""
            private readonly HardwareQueue _queue;
            private readonly Doorbell _bell;
            private readonly Doorbell? _spare;
            private readonly object _gate = new();
            private ulong _writePointer;
            private ulong _fenceLastQueued;
            private ulong _checksum = {{salt}}UL;
            private int _submitted;

            public {{className}}(HardwareQueue queue, Doorbell? spare)
            {
                _queue = queue;
                _bell = queue.CreateDoorbell();
                _bell.Connect();
                _spare = spare;
            }

            public int Submitted => _submitted;

            public ulong FenceLastQueued => _fenceLastQueued;

            public ulong Checksum => _checksum;

            [DoorbellRing]
            private static void Kick(Doorbell doorbell, ulong value) => doorbell.Ring(value);

            [DoorbellNotify]
            private static int NotifyAndCount(Doorbell doorbell)
            {
                doorbell.NotifyWorkSubmission();
                return 1;
            }


        """;
}

// Clean: a Span built over the mapped ring pointer receives the commands, then an if chain answers every status (retry by recursion).
using System;
using DoorbellGuard;

public sealed unsafe class SpanRingQueue
{
    private readonly Doorbell _doorbell;
    private readonly void* _ringVa;
    private readonly int _ringBytes;
    private int _wp;

    public SpanRingQueue(Doorbell doorbell, void* ringVa, int ringBytes)
    {
        _doorbell = doorbell;
        _ringVa = ringVa;
        _ringBytes = ringBytes;
    }

    public bool Submit(ReadOnlySpan<byte> commands)
    {
        var ring = new Span<byte>(_ringVa, _ringBytes);
        commands.CopyTo(ring.Slice(_wp));
        _wp += commands.Length;
        return Kick((ulong)_wp);
    }

    private bool Kick(ulong tail)
    {
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            return Kick(tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return true;
    }
}

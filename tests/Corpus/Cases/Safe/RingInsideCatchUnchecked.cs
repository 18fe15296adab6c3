// The normal path hands over to RingAndConfirm, but the timeout handler kicks the doorbell again and never reads the status: DBL001 in the catch.
using System;
using DoorbellGuard;

public sealed class CommandEncoder
{
    public ulong Encode(ReadOnlySpan<byte> commands) => (ulong)commands.Length;
}

public sealed class WatchdogQueue
{
    private readonly Doorbell _doorbell;
    private readonly CommandEncoder _encoder = new();
    private ulong _tail;

    public WatchdogQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Submit(byte[] commands)
    {
        try
        {
            _tail += _encoder.Encode(commands);
            _doorbell.RingAndConfirm(_tail);
        }
        catch (TimeoutException)
        {
            {|DBL001:_doorbell.Ring(_tail)|};
        }
    }
}

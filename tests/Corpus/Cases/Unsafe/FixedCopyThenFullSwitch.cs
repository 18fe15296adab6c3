// Clean: commands pinned with fixed and copied to the ring, then a switch in a loop answers every status.
using System;
using DoorbellGuard;

public sealed unsafe class PinnedUploadQueue
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ringVa;
    private ulong _wp;

    public PinnedUploadQueue(Doorbell doorbell, byte* ringVa)
    {
        _doorbell = doorbell;
        _ringVa = ringVa;
    }

    public bool Upload(ReadOnlySpan<byte> commands)
    {
        fixed (byte* source = commands)
            Buffer.MemoryCopy(source, _ringVa + _wp, commands.Length, commands.Length);
        _wp += (ulong)commands.Length;

        while (true)
        {
            _doorbell.Ring(_wp);
            switch (_doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    _doorbell.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    _doorbell.Connect();
                    break;
                case DoorbellStatus.DisconnectedAbort:
                    return false;
            }
        }
    }
}

// The command buffer is pinned with fixed and copied into the mapped ring; retry and abort are handled, ConnectedNotify is not: DBL003.
using System;
using DoorbellGuard;

public sealed unsafe class DmaQueue
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ringVa;
    private ulong _wp;

    public DmaQueue(Doorbell doorbell, byte* ringVa)
    {
        _doorbell = doorbell;
        _ringVa = ringVa;
    }

    public void Submit(byte[] commands)
    {
        fixed (byte* source = commands)
        {
            Buffer.MemoryCopy(source, _ringVa + _wp, commands.Length, commands.Length);
        }

        _wp += (ulong)commands.Length;
        DoorbellStatus status;
        do
        {
            {|DBL003:_doorbell.Ring(_wp)|};
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("DMA engine lost");
    }
}

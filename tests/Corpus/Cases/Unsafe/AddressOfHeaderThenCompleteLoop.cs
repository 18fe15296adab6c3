// Clean: a header copied through &header, then the documented loop with the abort thrown.
using System;
using DoorbellGuard;

public sealed unsafe class HeaderQueue
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ring;
    private ulong _wp;

    public HeaderQueue(Doorbell doorbell, byte* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Marker(uint id)
    {
        ulong header = 0xC0001A00UL | ((ulong)id << 32);
        Buffer.MemoryCopy(&header, _ring + _wp, sizeof(ulong), sizeof(ulong));
        _wp += sizeof(ulong);

        _doorbell.Ring(_wp);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.Ring(_wp);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("marker lost: device removed");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }
}

// Clean: a new doorbell is connected, the ring buffer is written through pointers, and the loop handles every status.
using DoorbellGuard;

public static unsafe class QueueWarmup
{
    public static bool Warmup(HardwareQueue queue, uint* ring, uint dwords)
    {
        var doorbell = queue.CreateDoorbell();
        doorbell.Connect();
        for (uint i = 0; i < dwords; i++)
            ring[i] = 0x80000000u;

        while (true)
        {
            doorbell.Ring(dwords * sizeof(uint));
            var status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                continue;
            }

            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.NotifyWorkSubmission();
            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

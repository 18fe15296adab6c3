// Clean injectable block: commands pinned with fixed and patched through *(p + i), then the loop answers every status.
using DoorbellGuard;

public static class BlockFixedCopyThenComplete
{
    public static unsafe void Block()
    {
        using var submitQueue = new HardwareQueue();
        var submitDoorbell = submitQueue.CreateDoorbell();
        submitDoorbell.Connect();
        var submitCommands = new byte[16];
        fixed (byte* submitBytes = submitCommands)
        {
            for (var i = 0; i < submitCommands.Length; i++)
                *(submitBytes + i) = 0x90;
        }

        DoorbellStatus submitStatus;
        do
        {
            submitDoorbell.Ring((ulong)submitCommands.Length);
            submitStatus = submitDoorbell.ReadStatus();
            if (submitStatus == DoorbellStatus.ConnectedNotify)
                submitDoorbell.NotifyWorkSubmission();
            else if (submitStatus == DoorbellStatus.DisconnectedRetry)
                submitDoorbell.Connect();
            else if (submitStatus == DoorbellStatus.DisconnectedAbort)
                throw new DoorbellAbortedException("device lost");
        }
        while (submitStatus == DoorbellStatus.DisconnectedRetry);
    }
}

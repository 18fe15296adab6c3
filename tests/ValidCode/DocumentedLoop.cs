using DoorbellGuard;

namespace ValidCode.DocumentedLoop;

/// <summary>The submission loop of the WDDM documentation, in C#.</summary>
public sealed class Submitter
{
    private readonly HardwareQueue _queue;
    private Doorbell? _doorbell;
    private ulong _writePointer;
    private ulong _fence;

    public Submitter(HardwareQueue queue) => _queue = queue;

    public bool Submit(int commandBytes)
    {
        var doorbell = _doorbell ??= _queue.CreateDoorbell();
        try
        {
            doorbell.Connect();
        }
        catch (DoorbellException)
        {
            return false; // fall back to kernel-mode submission
        }

        DoorbellStatus status;
        do
        {
            _fence++;
            _writePointer += (ulong)commandBytes;
            doorbell.Ring(_writePointer);
            status = doorbell.ReadStatus();
            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.NotifyWorkSubmission();
            else if (status == DoorbellStatus.DisconnectedRetry)
                doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
        {
            _doorbell = null;
            return false;
        }

        return true;
    }

    public static bool SubmitOnNewDoorbell(HardwareQueue queue, ulong tail)
    {
        using var doorbell = queue.CreateDoorbell();
        doorbell.Connect();
        while (true)
        {
            doorbell.Ring(tail);
            switch (doorbell.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    doorbell.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    doorbell.Connect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

using DoorbellGuard;

namespace FormatSample;

/// <summary>Submission code with the classic doorbell mistakes, for dotnet format to fix.</summary>
public sealed class Submitter
{
    private readonly HardwareQueue _queue;
    private readonly Doorbell _doorbell;

    public Submitter(HardwareQueue queue, Doorbell doorbell)
    {
        _queue = queue;
        _doorbell = doorbell;
    }

    // DBL001: the ring may be lost and nobody looks.
    public void Submit(byte[] commands)
    {
        var queued = _queue.Enqueue(commands);
        _doorbell.Ring(queued.WritePointer);
    }

    // DBL002, DBL003, DBL004: the status is read and thrown away.
    public void SubmitAndPeek(ulong writePointer)
    {
        _doorbell.Ring(writePointer);
        _doorbell.ReadStatus();
    }

    // Two rings in one method.
    public void SubmitTwice(ulong first, ulong second)
    {
        _doorbell.Ring(first);
        _doorbell.Ring(second);
    }

    // DBL005 (and DBL001): a new doorbell starts disconnected.
    public static void SubmitOnNewQueue(ulong writePointer)
    {
        using var queue = new HardwareQueue();
        var doorbell = queue.CreateDoorbell();
        doorbell.Ring(writePointer);
    }

    public void Kick(ulong writePointer) => _doorbell.Ring(writePointer);
}

using DoorbellGuard;

namespace ValidCode.RingHelpers;

/// <summary>
/// Helpers of the project itself, without attributes, that ring, read or reconnect the doorbell they receive; each
/// caller completes the protocol around them. Pending #11.3: today each helper's own ring is reported in its body.
/// </summary>
public sealed class HelperQueue
{
    private readonly Doorbell _doorbell;
    private ulong _wp;

    public HelperQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(uint bytes)
    {
        _wp += bytes;
        DoorbellStatus status;
        do
        {
            Kick(_doorbell, _wp);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public bool SubmitOnThis(ulong tail)
    {
        Push(tail);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            Resubmit(_doorbell, tail);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.DisconnectedAbort)
            return false;
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return true;
    }

    public static bool SubmitWithLocalFunction(Doorbell doorbell, ulong tail)
    {
        Ring(doorbell, tail);
        var status = doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            return SubmitWithLocalFunction(doorbell, tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;

        static void Ring(Doorbell target, ulong writePointer) => target.Ring(writePointer);
    }

    private static void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);

    private void Push(ulong tail) => _doorbell.Ring(tail);

    private static void Resubmit(Doorbell doorbell, ulong tail)
    {
        doorbell.Connect();
        doorbell.Ring(tail);
    }
}

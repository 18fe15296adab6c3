using DoorbellGuard;

namespace ValidCode.AliasesThroughLocals;

/// <summary>
/// One doorbell under two names (a local copy, an assignment, a using variable, a pattern variable): ringing through
/// one name and answering through the other is the whole protocol. Pending #11.2: today the copy is a second doorbell.
/// </summary>
public sealed class AliasedQueue
{
    private readonly Doorbell _doorbell;
    private Doorbell? _optional;

    public AliasedQueue(Doorbell doorbell) => _doorbell = doorbell;

    public void Attach(Doorbell doorbell) => _optional = doorbell;

    public bool ThroughCopy(ulong tail)
    {
        var doorbell = _doorbell;
        DoorbellStatus status;
        do
        {
            doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public bool ThroughAssignment(ulong tail)
    {
        Doorbell target;
        target = _doorbell;
        _doorbell.Ring(tail);
        switch (target.ReadStatus())
        {
            case DoorbellStatus.ConnectedNotify:
                target.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                target.Connect();
                return ThroughAssignment(tail);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }

    public bool ThroughPattern(ulong tail)
    {
        if (_optional is not Doorbell doorbell)
            return false;
        doorbell.Ring(tail);
        var status = _optional.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            doorbell.Connect();
            _optional.Ring(tail);
            status = doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _optional.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public static bool ThroughUsingVariable(HardwareQueue queue, ulong tail)
    {
        using var doorbell = queue.CreateDoorbell();
        var kick = doorbell;
        doorbell.Connect();
        while (true)
        {
            kick.Ring(tail);
            var status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                kick.Connect();
                continue;
            }

            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.NotifyWorkSubmission();
            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

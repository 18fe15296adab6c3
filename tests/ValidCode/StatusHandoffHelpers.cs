using DoorbellGuard;

namespace ValidCode.StatusHandoffHelpers;

/// <summary>
/// Helpers of the project itself that return the status they read, or receive a status and answer it: each caller
/// and helper together complete the protocol, so summarising the helpers must find nothing to say.
/// </summary>
public sealed class HandoffQueue
{
    private readonly Doorbell _doorbell;

    public HandoffQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool SubmitReadByHelper(ulong tail)
    {
        var status = RingAndRead(tail);
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            status = RingAndRead(tail);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    public void SubmitFinishedByHelper(ulong tail)
    {
        DoorbellStatus status;
        do
        {
            _doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        Finish(status);
    }

    public static bool SubmitWholeProtocolInHelper(Doorbell doorbell, ulong tail) => RingUntilAccepted(doorbell, tail);

    private DoorbellStatus RingAndRead(ulong tail)
    {
        _doorbell.Ring(tail);
        return _doorbell.ReadStatus();
    }

    private void Finish(DoorbellStatus status)
    {
        if (status == DoorbellStatus.DisconnectedAbort)
            throw new DoorbellAbortedException("the device is lost: fall back to kernel-mode submission");
        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
    }

    private static bool RingUntilAccepted(Doorbell doorbell, ulong tail)
    {
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

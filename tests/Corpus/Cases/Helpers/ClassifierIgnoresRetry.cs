// The status goes to a static classifier that notifies and throws on abort but does nothing for DisconnectedRetry: DBL002 at the ring.
using DoorbellGuard;

public static class ClassifiedSubmit
{
    public static void Submit(Doorbell doorbell, ulong tail)
    {
        {|DBL002:doorbell.Ring(tail)|};
        Classify(doorbell, doorbell.ReadStatus());
    }

    private static void Classify(Doorbell doorbell, DoorbellStatus status)
    {
        switch (status)
        {
            case DoorbellStatus.ConnectedNotify:
                doorbell.NotifyWorkSubmission();
                break;
            case DoorbellStatus.DisconnectedAbort:
                throw new DoorbellAbortedException("queue lost");
        }
    }
}

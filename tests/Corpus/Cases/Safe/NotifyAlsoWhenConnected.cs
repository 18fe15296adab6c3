// Clean: notifying on Connected as well costs a kernel call but handles ConnectedNotify; the abort returns false.
using DoorbellGuard;

public static class CautiousSubmit
{
    public static bool Submit(Doorbell doorbell, ulong tail)
    {
        while (true)
        {
            doorbell.Ring(tail);
            var status = doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedAbort)
                return false;
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                doorbell.Connect();
                continue;
            }

            doorbell.NotifyWorkSubmission();
            return true;
        }
    }
}

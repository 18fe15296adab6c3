// Clean: the documented sequence (fence value, write pointer, ring, status; retry loop, notify, abort to the fallback path).
using DoorbellGuard;

public sealed class UserModeSubmitter
{
    private readonly Doorbell _doorbell;
    private ulong _fence;
    private ulong _writePointer;
    private bool _useKernelSubmission;

    public UserModeSubmitter(Doorbell doorbell) => _doorbell = doorbell;

    public ulong Submit(int commandBytes)
    {
        DoorbellStatus status;
        do
        {
            _fence++;
            _writePointer += (ulong)commandBytes;
            _doorbell.Ring(_writePointer);
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.ConnectedNotify)
                _doorbell.NotifyWorkSubmission();
            else if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.DisconnectedAbort)
        {
            _useKernelSubmission = true;
            return 0;
        }

        return _fence;
    }

    public bool UsesKernelSubmission => _useKernelSubmission;
}

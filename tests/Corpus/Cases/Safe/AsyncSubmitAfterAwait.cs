// Clean: an async method awaits the encoder, then runs the full protocol; the abort returns false.
using System.Threading.Tasks;
using DoorbellGuard;

public sealed class AsyncQueue
{
    private readonly Doorbell _doorbell;

    public AsyncQueue(Doorbell doorbell) => _doorbell = doorbell;

    public async Task<bool> SubmitAsync(Task<ulong> encoded)
    {
        var tail = await encoded.ConfigureAwait(false);
        _doorbell.Ring(tail);
        var status = _doorbell.ReadStatus();
        while (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            _doorbell.Ring(tail);
            status = _doorbell.ReadStatus();
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }
}

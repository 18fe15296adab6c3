// Clean: 'd = _doorbell' once; the field rings, the alias reads and answers every status.
using DoorbellGuard;

public sealed class TileQueue
{
    private readonly Doorbell _doorbell;

    public TileQueue(Doorbell doorbell) => _doorbell = doorbell;

    public bool Submit(ulong tail)
    {
        Doorbell d;
        d = _doorbell;
        while (true)
        {
            _doorbell.Ring(tail);
            switch (d.ReadStatus())
            {
                case DoorbellStatus.Connected:
                    return true;
                case DoorbellStatus.ConnectedNotify:
                    d.NotifyWorkSubmission();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    d.Connect();
                    continue;
                default:
                    return false;
            }
        }
    }
}

// Clean: the ring is three private helpers down (Encode, Push, Kick: within the summary depth); the caller then answers every status.
using DoorbellGuard;

public sealed class LayeredQueue
{
    private readonly Doorbell _doorbell;
    private readonly ulong[] _ring;
    private ulong _wp;

    public LayeredQueue(Doorbell doorbell, ulong[] ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public bool Submit(ulong command)
    {
        Encode(_doorbell, command);
        var status = _doorbell.ReadStatus();
        if (status == DoorbellStatus.DisconnectedRetry)
        {
            _doorbell.Connect();
            return Submit(command);
        }

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        return status != DoorbellStatus.DisconnectedAbort;
    }

    private void Encode(Doorbell doorbell, ulong command) => Push(doorbell, command | 0xC000000000000000UL);

    private void Push(Doorbell doorbell, ulong packet)
    {
        _ring[_wp++ % (ulong)_ring.Length] = packet;
        Kick(doorbell, _wp * sizeof(ulong));
    }

    private static void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);
}

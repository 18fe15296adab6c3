// 'if (_current is Doorbell doorbell)' gives the field a second name; rung through it, read through the field, the abort counts as submitted: DBL004.
using DoorbellGuard;

public sealed class SwappableQueue
{
    private Doorbell? _current;
    private int _submitted;

    public void Swap(Doorbell doorbell) => _current = doorbell;

    public void Submit(ulong tail)
    {
        if (_current is Doorbell doorbell)
        {
            DoorbellStatus status;
            do
            {
                {|DBL004:doorbell.Ring(tail)|};
                status = _current.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    doorbell.Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.ConnectedNotify)
                _current.NotifyWorkSubmission();
            _submitted++;
        }
    }

    public int Submitted => _submitted;
}

// The simplest mistake: a ring and nothing after it: DBL001.
using DoorbellGuard;

public sealed class Submitter
{
    public void Submit(Doorbell doorbell, ulong writePointer)
    {
        {|DBL001:doorbell.Ring(writePointer)|};
    }
}

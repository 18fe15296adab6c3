// Every queue of a frame is rung in a loop and none is checked: each iteration leaves its ring unread, DBL001.
using System.Collections.Generic;
using DoorbellGuard;

public static class MultiQueueFlush
{
    public static void FlushAll(IReadOnlyList<Doorbell> doorbells, ulong[] tails)
    {
        var i = 0;
        foreach (var doorbell in doorbells)
        {
            {|DBL001:doorbell.Ring(tails[i])|};
            i++;
        }
    }
}

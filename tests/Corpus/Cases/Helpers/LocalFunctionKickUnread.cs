// A static local function rings the doorbell it is given; the enclosing method never reads: DBL001 at the call, not in the local function.
using DoorbellGuard;

public static class LocalKick
{
    public static void Flush(Doorbell doorbell, ulong[] tails)
    {
        foreach (var tail in tails)
            Pad(tail);
        {|DBL001:Kick(doorbell, tails[^1])|};

        static void Kick(Doorbell target, ulong writePointer) => target.Ring(writePointer);
        static void Pad(ulong tail) => System.Diagnostics.Debug.Assert(tail % 8 == 0, "the ring is written in qwords");
    }
}

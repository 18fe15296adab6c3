// Analyzer package only: own attributes and own DoorbellStatus enum, no runtime; a kick never polled: DBL001.
using System;

namespace Contoso.Kmt
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusReadAttribute : Attribute { }

    public enum DoorbellStatus { Connected = 0, ConnectedNotify = 1, DisconnectedRetry = 2, DisconnectedAbort = 3 }

    public sealed class NativeQueue
    {
        [DoorbellRing] public void Kick(ulong tail) { }
        [DoorbellStatusRead] public DoorbellStatus Poll() => DoorbellStatus.Connected;
    }

    public static class Frame
    {
        public static void End(NativeQueue queue, ulong tail)
        {
            {|DBL001:queue.Kick(tail)|};
        }
    }
}

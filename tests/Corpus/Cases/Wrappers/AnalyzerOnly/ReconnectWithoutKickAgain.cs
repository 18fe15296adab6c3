// Analyzer package only: DisconnectedRetry reconnects the own queue type but never kicks again: DBL002.
using System;

namespace Woodgrove.Display
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusReadAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellConnectAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellNotifyAttribute : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed class FlipQueue
    {
        [DoorbellRing] public void Kick(ulong tail) { }
        [DoorbellStatusRead] public DoorbellStatus Poll() => DoorbellStatus.Connected;
        [DoorbellConnect] public void Reconnect() { }
        [DoorbellNotify] public void Notify() { }
    }

    public static class Flipper
    {
        public static bool Flip(FlipQueue queue, ulong tail)
        {
            {|DBL002:queue.Kick(tail)|};
            switch (queue.Poll())
            {
                case DoorbellStatus.ConnectedNotify:
                    queue.Notify();
                    return true;
                case DoorbellStatus.DisconnectedRetry:
                    queue.Reconnect();
                    return false;
                case DoorbellStatus.DisconnectedAbort:
                    throw new InvalidOperationException("display engine lost");
                default:
                    return true;
            }
        }
    }
}

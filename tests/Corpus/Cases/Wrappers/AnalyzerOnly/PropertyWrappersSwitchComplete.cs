// Clean, analyzer package only: a ring property setter and a status property, every status answered in a switch loop.
using System;

namespace Litware.Compute
{
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellStatusReadAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellConnectAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellNotifyAttribute : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed class ComputeRing
    {
        public ulong Tail { [DoorbellRing] set { } }
        [DoorbellStatusRead] public DoorbellStatus Status => DoorbellStatus.Connected;
        [DoorbellConnect] public void Reconnect() { }
        [DoorbellNotify] public void Notify() { }
    }

    public static class ComputeUser
    {
        public static bool Dispatch(ComputeRing ring, ulong tail)
        {
            while (true)
            {
                ring.Tail = tail;
                switch (ring.Status)
                {
                    case DoorbellStatus.Connected:
                        return true;
                    case DoorbellStatus.ConnectedNotify:
                        ring.Notify();
                        return true;
                    case DoorbellStatus.DisconnectedRetry:
                        ring.Reconnect();
                        continue;
                    case DoorbellStatus.DisconnectedAbort:
                        return false;
                }
            }
        }
    }
}

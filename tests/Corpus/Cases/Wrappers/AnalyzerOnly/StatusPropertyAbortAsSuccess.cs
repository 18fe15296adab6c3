// Analyzer package only: a status property; the caller retries and notifies, then counts DisconnectedAbort as submitted: DBL004.
using System;

namespace Litware.Gfx
{
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellStatusReadAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellConnectAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)] internal sealed class DoorbellNotifyAttribute : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed class GfxRing
    {
        public int Submitted { get; private set; }

        [DoorbellRing] public void Kick(ulong tail) { }
        [DoorbellStatusRead] public DoorbellStatus Status => DoorbellStatus.Connected;
        [DoorbellConnect] public void Reconnect() { }
        [DoorbellNotify] public void Notify() { }

        public void Submit(ulong tail)
        {
            DoorbellStatus status;
            do
            {
                {|DBL004:Kick(tail)|};
                status = Status;
                if (status == DoorbellStatus.DisconnectedRetry)
                    Reconnect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.ConnectedNotify)
                Notify();
            Submitted++;
        }
    }
}

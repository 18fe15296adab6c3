// Analyzer package only: the documented loop on an own native queue type, without the notify: DBL003.
using System;

namespace Fabrikam.Umd
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRing : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusRead : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellConnect : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellNotify : Attribute { }

    public enum DoorbellStatus : uint { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed class UmdQueue
    {
        [DoorbellRing] public void Ring(ulong writePointer) { }
        [DoorbellStatusRead] public DoorbellStatus ReadStatus() => DoorbellStatus.Connected;
        [DoorbellConnect] public void Connect() { }
        [DoorbellNotify] public void Notify() { }

        public void Submit(ulong writePointer)
        {
            DoorbellStatus status;
            do
            {
                {|DBL003:Ring(writePointer)|};
                status = ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.DisconnectedAbort)
                throw new InvalidOperationException("device lost: fall back to kernel submission");
        }
    }
}

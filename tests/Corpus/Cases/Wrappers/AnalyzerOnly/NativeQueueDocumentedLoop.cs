// Clean, analyzer package only: the documented loop on an own native queue type, abort to the kernel-submission fallback.
using System;

namespace Contoso.Umd
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusReadAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellConnectAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellNotifyAttribute : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed class UmdDoorbell
    {
        [DoorbellRing] public void Ring(ulong writePointer) { }
        [DoorbellStatusRead] public DoorbellStatus ReadStatus() => DoorbellStatus.Connected;
        [DoorbellConnect] public void Connect() { }
        [DoorbellNotify] public void Notify() { }
    }

    public sealed class Submitter
    {
        private readonly UmdDoorbell _doorbell = new();
        private bool _kernelFallback;

        public void Submit(ulong writePointer)
        {
            if (_kernelFallback)
                return;
            DoorbellStatus status;
            do
            {
                _doorbell.Ring(writePointer);
                status = _doorbell.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    _doorbell.Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.DisconnectedAbort)
            {
                _kernelFallback = true;
                return;
            }

            if (status == DoorbellStatus.ConnectedNotify)
                _doorbell.Notify();
        }
    }
}

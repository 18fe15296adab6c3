// Clean, analyzer package only: wrappers over the mapped doorbell and status pages (pointer code), the whole protocol run through them.
using System;
using System.Threading;

namespace Tailspin.Umd
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusReadAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellConnectAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellNotifyAttribute : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed unsafe class MappedDoorbell
    {
        private readonly ulong* _doorbellVa;
        private readonly ulong* _statusVa;
        private readonly delegate* unmanaged<uint, int> _connect;
        private readonly delegate* unmanaged<uint, int> _notify;
        private readonly uint _handle;

        public MappedDoorbell(ulong* doorbellVa, ulong* statusVa, delegate* unmanaged<uint, int> connect, delegate* unmanaged<uint, int> notify, uint handle)
        {
            _doorbellVa = doorbellVa;
            _statusVa = statusVa;
            _connect = connect;
            _notify = notify;
            _handle = handle;
        }

        [DoorbellRing] public void Ring(ulong writePointer) => Volatile.Write(ref *_doorbellVa, writePointer);
        [DoorbellStatusRead] public DoorbellStatus ReadStatus() => (DoorbellStatus)(uint)Volatile.Read(ref *_statusVa);
        [DoorbellConnect] public void Connect() => _ = _connect(_handle);
        [DoorbellNotify] public void Notify() => _ = _notify(_handle);
    }

    public static unsafe class MappedSubmit
    {
        public static bool Submit(MappedDoorbell doorbell, ulong* ring, ref ulong wp, ulong packet)
        {
            ring[wp++] = packet;
            DoorbellStatus status;
            do
            {
                doorbell.Ring(wp);
                status = doorbell.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                    doorbell.Connect();
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.ConnectedNotify)
                doorbell.Notify();
            return status != DoorbellStatus.DisconnectedAbort;
        }
    }
}

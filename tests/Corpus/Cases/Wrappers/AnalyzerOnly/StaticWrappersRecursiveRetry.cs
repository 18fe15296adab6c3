// Clean, analyzer package only: static wrappers on a handle type (first parameter), retry by recursion.
using System;

namespace Fabrikam.Kmt
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRing : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusRead : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellConnect : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellNotify : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public readonly struct DoorbellHandle
    {
        public DoorbellHandle(uint value) => Value = value;

        public uint Value { get; }
    }

    public static class Thunks
    {
        [DoorbellRing] public static void Ring(DoorbellHandle doorbell, ulong tail) { }
        [DoorbellStatusRead] public static DoorbellStatus Status(DoorbellHandle doorbell) => DoorbellStatus.Connected;
        [DoorbellConnect] public static void Connect(DoorbellHandle doorbell) { }
        [DoorbellNotify] public static void Notify(DoorbellHandle doorbell) { }

        public static bool Submit(DoorbellHandle doorbell, ulong tail)
        {
            Ring(doorbell, tail);
            var status = Status(doorbell);
            if (status == DoorbellStatus.DisconnectedAbort)
                return false;
            if (status == DoorbellStatus.DisconnectedRetry)
            {
                Connect(doorbell);
                return Submit(doorbell, tail);
            }

            if (status == DoorbellStatus.ConnectedNotify)
                Notify(doorbell);
            return true;
        }
    }
}

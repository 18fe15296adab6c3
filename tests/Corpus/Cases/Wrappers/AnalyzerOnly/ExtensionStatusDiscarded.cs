// Analyzer package only: static extension wrappers act on their first parameter; the status read is discarded: DBL002, DBL003, DBL004.
using System;

namespace Northwind.Gpu
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRingAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellStatusReadAttribute : Attribute { }

    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

    public sealed class HwQueueHandle
    {
        public uint Handle { get; init; }
    }

    public static class D3dkmt
    {
        [DoorbellRing] public static void RingDoorbell(this HwQueueHandle queue, ulong tail) { }
        [DoorbellStatusRead] public static DoorbellStatus DoorbellStatusOf(this HwQueueHandle queue) => DoorbellStatus.Connected;
    }

    public static class Blit
    {
        public static void Copy(HwQueueHandle queue, ulong tail)
        {
            {|DBL002,DBL003,DBL004:queue.RingDoorbell(tail)|};
            queue.DoorbellStatusOf();
        }
    }
}

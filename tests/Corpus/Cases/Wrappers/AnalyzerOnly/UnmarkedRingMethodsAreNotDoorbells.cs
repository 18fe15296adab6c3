// Clean, analyzer package only: the attributes are declared, but a timer and a phone with Ring methods carry none: nothing to check.
using System;

namespace Contoso.Devices
{
    [AttributeUsage(AttributeTargets.Method)] internal sealed class DoorbellRingAttribute : Attribute { }

    public sealed class AlarmTimer
    {
        public void Ring(ulong afterMilliseconds) { }
        public int ReadStatus() => 0;
    }

    public sealed class Phone
    {
        public void Connect() { }
        public void Ring(int times) { }
    }

    public static class Devices
    {
        public static void Use(AlarmTimer timer, Phone phone)
        {
            timer.Ring(500);
            phone.Connect();
            phone.Ring(3);
            phone.Ring(4);
        }
    }
}

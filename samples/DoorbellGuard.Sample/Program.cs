using System;

namespace DoorbellGuard.Sample;

internal static class Program
{
    private static int Main()
    {
        int unused;
        Console.WriteLine("hello");
        return 0;
    }
}

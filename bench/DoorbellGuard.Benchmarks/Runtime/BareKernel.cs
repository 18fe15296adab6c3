using System.Runtime.InteropServices;
using System.Threading;

namespace DoorbellGuard.Benchmarks.Runtime;

/// <summary>
/// The smallest honest backend: real memory for the doorbell and status pages, a connect that writes CONNECTED,
/// and no audit counters. It is the shape of the Windows backend's fast path (the runtime's own code, with nothing
/// of the simulator's bookkeeping), so RingAndConfirm on it measures the runtime alone.
/// </summary>
internal sealed unsafe class BareKernel : IDoorbellKernel
{
    private ulong* _pages;

    public int CreateDoorbell(in DoorbellCreateParameters parameters, out DoorbellMapping mapping)
    {
        // Three cache-line-separated words: doorbell, status, progress fence.
        _pages = (ulong*)NativeMemory.AlignedAlloc(3 * 64, 64);
        NativeMemory.Clear(_pages, 3 * 64);
        _pages[8] = (ulong)DoorbellStatus.DisconnectedRetry;
        mapping = new DoorbellMapping(1, (nint)_pages, 0, (nint)(_pages + 8), (nint)(_pages + 16));
        return 0;
    }

    public int ConnectDoorbell(uint doorbellHandle, out DoorbellConnectMapping? mapping)
    {
        mapping = null; // the 10.0.26100 behaviour: the doorbell stays where it was created
        Volatile.Write(ref _pages[8], (ulong)DoorbellStatus.Connected);
        return 0;
    }

    public int DestroyDoorbell(uint doorbellHandle)
    {
        NativeMemory.AlignedFree(_pages);
        _pages = null;
        return 0;
    }

    public int NotifyWorkSubmission(uint doorbellHandle) => 0;

    /// <summary>A doorbell on a new bare kernel, connected and checked to read CONNECTED.</summary>
    public static Doorbell CreateConnectedDoorbell(out BareKernel kernel)
    {
        kernel = new BareKernel();
        Doorbell doorbell = Doorbell.Create(kernel, new DoorbellCreateParameters(1, 2, 3, DoorbellCreateFlags.None));
        doorbell.Connect();
        if (doorbell.RingAndConfirm(1) != DoorbellStatus.Connected)
            throw new System.InvalidOperationException("The benchmark doorbell must read CONNECTED for the connected path to be measured.");
        return doorbell;
    }

    /// <summary>What the OS does when another queue takes the physical doorbell: the status reads DISCONNECTED_RETRY.</summary>
    public void Victimize() => Volatile.Write(ref _pages[8], (ulong)DoorbellStatus.DisconnectedRetry);
}

using System.Threading;

namespace DoorbellGuard.Simulation;

// The simulated kernel: the four D3DKMT doorbell entry points (IDoorbellKernel).
public sealed unsafe partial class SimulatedAdapter
{
    /// <inheritdoc />
    public int CreateDoorbell(in DoorbellCreateParameters parameters, out DoorbellMapping mapping)
    {
        mapping = default;
        lock (_gate)
        {
            if (_deviceLost || _disposed)
                return NtStatus.DeviceRemoved;
            if (!_queues.TryGetValue(parameters.HardwareQueueHandle, out SimQueue? queue)
                || parameters.RingBufferHandle != queue.RingBufferHandle
                || (parameters.RingBufferControlHandle != 0 && parameters.RingBufferControlHandle != queue.ControlHandle)
                || ((uint)parameters.Flags & ~3u) != 0
                || queue.Doorbell != null)
            {
                return NtStatus.InvalidParameter;
            }

            var doorbell = new SimDoorbell
            {
                Handle = NextHandle(),
                Queue = queue,
                Page = (ulong*)NativePages.Allocate(NativePages.PageSize),
                SecondaryPage = (parameters.Flags & DoorbellCreateFlags.RequireSecondaryCpuVirtualAddress) != 0 ? (ulong*)NativePages.Allocate(NativePages.PageSize) : null,
                Status = (ulong*)NativePages.Allocate(NativePages.PageSize),
            };
            WriteStatusLocked(doorbell, StatusRetry); // a new doorbell starts disconnected
            queue.Doorbell = doorbell;
            _doorbells.Add(doorbell.Handle, doorbell);
            _allCounters.Add(doorbell.Counters);
            mapping = new DoorbellMapping(doorbell.Handle, (nint)doorbell.Page, (nint)doorbell.SecondaryPage, (nint)doorbell.Status, (nint)queue.LastQueuedFence);
            return NtStatus.Success;
        }
    }

    /// <inheritdoc />
    public int ConnectDoorbell(uint doorbellHandle, out DoorbellConnectMapping? mapping)
    {
        mapping = null;
        lock (_gate)
        {
            if (_deviceLost || _disposed)
                return NtStatus.DeviceRemoved;
            if (!_doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell) || doorbell.Queue.Destroyed)
                return NtStatus.InvalidParameter;
            StepLocked(injectFaults: false); // the GPU has taken the rings made so far
            _kernelConnects++;
            if (_poweredDown)
            {
                _poweredDown = false; // a connect wakes the device to D0
                _wakes++;
            }

            bool moved = _options.MoveDoorbellOnConnect;
            if (moved)
            {
                MoveLocked(doorbell);
                mapping = new DoorbellConnectMapping((nint)doorbell.Page, (nint)doorbell.SecondaryPage);
            }

            if (!doorbell.Connected)
            {
                if (_options.DoorbellModel == DoorbellModel.Dedicated && _connectedPhysical >= _options.PhysicalDoorbellCount)
                {
                    SimDoorbell victim = LeastRecentlyUsedLocked(doorbell);
                    _victimizations++;
                    DisconnectLocked([victim], StatusRetry);
                }

                // A fresh physical doorbell (and, when moved, new pages): whatever was written to the dummy page is gone.
                ResetPagesLocked(doorbell);
                doorbell.Connected = true;
                _connectedPhysical++;
                doorbell.NotifyRequired = _options.NotifyMode switch
                {
                    NotifyMode.Always => true,
                    NotifyMode.Random => _random.Next(2) == 0,
                    _ => false,
                };
            }
            else if (moved)
            {
                // New pages: only a later ring counts.
                ResetPagesLocked(doorbell);
            }

            doorbell.LastUsed = ++_tick;
            WriteStatusLocked(doorbell, doorbell.NotifyRequired ? StatusConnectedNotify : StatusConnected);
            MaybeInjectRandomFaultLocked();
            return NtStatus.Success;
        }
    }

    /// <inheritdoc />
    public int DestroyDoorbell(uint doorbellHandle)
    {
        lock (_gate)
        {
            if (!_doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell))
                return NtStatus.InvalidParameter;
            if (doorbell.Connected)
                DisconnectLocked([doorbell], StatusRetry);
            _doorbells.Remove(doorbellHandle);
            _doorbellsDestroyed++;
            if (doorbell.Queue.Doorbell == doorbell)
                doorbell.Queue.Doorbell = null;
            NativePages.Free(doorbell.Page);
            NativePages.Free(doorbell.SecondaryPage);
            NativePages.Free(doorbell.Status);
            foreach (nint retired in doorbell.RetiredPages)
                NativePages.Free((void*)retired);
            doorbell.RetiredPages.Clear();
            doorbell.Page = doorbell.SecondaryPage = doorbell.Status = null;
            return NtStatus.Success;
        }
    }

    /// <inheritdoc />
    public int NotifyWorkSubmission(uint doorbellHandle)
    {
        lock (_gate)
        {
            if (_deviceLost || _disposed)
                return NtStatus.DeviceRemoved;
            if (!_doorbells.TryGetValue(doorbellHandle, out SimDoorbell? doorbell))
                return NtStatus.InvalidParameter;
            if (doorbell.Connected)
            {
                // The kernel-mode driver kicks the GPU: the ring is received even in CONNECTED_NOTIFY mode.
                LatchLocked(doorbell);
                ExecuteLocked(doorbell.Queue);
            }

            MaybeInjectRandomFaultLocked();
            return NtStatus.Success;
        }
    }

    /// <summary>
    /// Maps the doorbell at new addresses (<see cref="SimulatedAdapterOptions.MoveDoorbellOnConnect"/>). The GPU first
    /// takes what a connected doorbell's old address holds; from then on the old pages are the dummy page: still
    /// writable, so code that kept them does not crash, but never read again. They are freed with the doorbell.
    /// The caller resets the new pages (<see cref="ResetPagesLocked"/>).
    /// </summary>
    private void MoveLocked(SimDoorbell doorbell)
    {
        if (doorbell.Connected)
            LatchLocked(doorbell);
        doorbell.RetiredPages.Add((nint)doorbell.Page);
        doorbell.Page = (ulong*)NativePages.Allocate(NativePages.PageSize);
        if (doorbell.SecondaryPage != null)
        {
            doorbell.RetiredPages.Add((nint)doorbell.SecondaryPage);
            doorbell.SecondaryPage = (ulong*)NativePages.Allocate(NativePages.PageSize);
        }
    }

    /// <summary>The doorbell pages hold what the GPU has received, so only a later ring counts.</summary>
    private static void ResetPagesLocked(SimDoorbell doorbell)
    {
        Volatile.Write(ref *doorbell.Page, doorbell.Queue.Received);
        if (doorbell.SecondaryPage != null)
            Volatile.Write(ref *doorbell.SecondaryPage, doorbell.Queue.Received);
    }
}

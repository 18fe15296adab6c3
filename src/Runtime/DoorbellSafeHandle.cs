using System;
using System.Runtime.InteropServices;

namespace DoorbellGuard;

/// <summary>
/// Owns an OS doorbell handle (hDoorbell): releasing it calls D3DKMTDestroyDoorbell on the backend that created it.
/// <see cref="Doorbell.Dispose"/> releases it; a doorbell nobody disposed is released by the handle's critical
/// finalizer, so its OS doorbell (and, on the dedicated model, its physical doorbell) does not leak.
/// </summary>
internal sealed class DoorbellSafeHandle : SafeHandle
{
    private readonly IDoorbellKernel _kernel;

    public DoorbellSafeHandle(IDoorbellKernel kernel, uint doorbellHandle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        _kernel = kernel;
        SetHandle((IntPtr)doorbellHandle);
    }

    /// <summary>The hDoorbell value.</summary>
    public uint Value => (uint)(nuint)handle;

    /// <summary>D3DKMTConnectDoorbell on this doorbell, holding the handle open so that a Dispose on another thread destroys the doorbell only after the call.</summary>
    public int Connect(out DoorbellConnectMapping? mapping)
    {
        bool referenced = false;
        try
        {
            DangerousAddRef(ref referenced);
            return _kernel.ConnectDoorbell(Value, out mapping);
        }
        finally
        {
            if (referenced)
                DangerousRelease();
        }
    }

    /// <summary>D3DKMTNotifyWorkSubmission on this doorbell, holding the handle open as <see cref="Connect"/> does.</summary>
    public int Notify()
    {
        bool referenced = false;
        try
        {
            DangerousAddRef(ref referenced);
            return _kernel.NotifyWorkSubmission(Value);
        }
        finally
        {
            if (referenced)
                DangerousRelease();
        }
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // A failed destroy (STATUS_INVALID_PARAMETER) means the OS has no such doorbell any more: nothing is left to free.
        _kernel.DestroyDoorbell(Value);
        return true;
    }
}

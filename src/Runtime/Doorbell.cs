using System;

namespace DoorbellGuard;

/// <summary>A user-mode submission doorbell. API surface placeholder: implemented under issue #2.</summary>
public sealed class Doorbell : IDisposable
{
    internal Doorbell() { }

    /// <summary>Connects the doorbell (D3DKMTConnectDoorbell).</summary>
    public void Connect() => throw new NotImplementedException();

    /// <summary>Rings the doorbell: a volatile 64-bit write of <paramref name="value"/>.</summary>
    public void Ring(ulong value) => throw new NotImplementedException();

    /// <summary>Reads the doorbell status page.</summary>
    public DoorbellStatus ReadStatus() => throw new NotImplementedException();

    /// <summary>Calls D3DKMTNotifyWorkSubmission.</summary>
    public void NotifyWorkSubmission() => throw new NotImplementedException();

    /// <summary>Rings and runs the documented status protocol.</summary>
    public DoorbellStatus RingAndConfirm(ulong value) => throw new NotImplementedException();

    /// <summary>Destroys the doorbell.</summary>
    public void Dispose() { }
}

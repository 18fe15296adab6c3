namespace DoorbellGuard;

/// <summary>
/// The connection status of a doorbell, as the OS writes it to the doorbell status page
/// (D3DDDI_DOORBELLSTATUS). Read it after every <see cref="Doorbell.Ring(ulong)"/>.
/// </summary>
public enum DoorbellStatus
{
    /// <summary>The ring reached the GPU. Nothing more to do.</summary>
    Connected = 0,

    /// <summary>The ring reached the GPU, but the OS must be told: call <see cref="Doorbell.NotifyWorkSubmission"/> after every ring.</summary>
    ConnectedNotify = 1,

    /// <summary>The doorbell was disconnected (victimized, power transition): the ring was lost. Call <see cref="Doorbell.Connect"/> and ring again.</summary>
    DisconnectedRetry = 2,

    /// <summary>The device is lost: stop using this queue; re-create the queue and doorbell, or fall back to kernel-mode submission.</summary>
    DisconnectedAbort = 3,
}

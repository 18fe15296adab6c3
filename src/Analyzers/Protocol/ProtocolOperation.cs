namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>What a method or property does to a doorbell, as far as the protocol is concerned.</summary>
internal enum ProtocolOperation
{
    None,
    Ring,
    ReadStatus,
    Connect,
    Notify,

    /// <summary>RingAndConfirm: a whole submission; nothing is owed after it.</summary>
    Complete,

    /// <summary>HardwareQueue.CreateDoorbell: a new, disconnected doorbell.</summary>
    Create,
}

using System;

namespace DoorbellGuard;

/// <summary>
/// Marks a method or property of your own that rings a doorbell, so the DoorbellGuard analyzer
/// checks its callers as it checks <see cref="Doorbell.Ring(ulong)"/>. The doorbell it acts on is its
/// first parameter of type <see cref="Doorbell"/>, or else its receiver.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DoorbellRingAttribute : Attribute
{
}

/// <summary>Marks a method or property of your own that reads a doorbell's status (as <see cref="Doorbell.ReadStatus"/>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DoorbellStatusReadAttribute : Attribute
{
}

/// <summary>Marks a method or property of your own that connects a doorbell (as <see cref="Doorbell.Connect"/>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DoorbellConnectAttribute : Attribute
{
}

/// <summary>Marks a method or property of your own that notifies the OS of a submission (as <see cref="Doorbell.NotifyWorkSubmission"/>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DoorbellNotifyAttribute : Attribute
{
}

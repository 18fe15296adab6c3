using System;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>The raw text of the four wrapper options for one tree: the key under which a resolved configuration is shared.</summary>
internal readonly struct WrapperOptionText : IEquatable<WrapperOptionText>
{
    public WrapperOptionText(string ring, string statusRead, string connect, string notify)
    {
        Ring = ring;
        StatusRead = statusRead;
        Connect = connect;
        Notify = notify;
    }

    public string Ring { get; }

    public string StatusRead { get; }

    public string Connect { get; }

    public string Notify { get; }

    public bool IsEmpty => Ring.Length == 0 && StatusRead.Length == 0 && Connect.Length == 0 && Notify.Length == 0;

    public bool Equals(WrapperOptionText other) =>
        string.Equals(Ring, other.Ring, StringComparison.Ordinal) && string.Equals(StatusRead, other.StatusRead, StringComparison.Ordinal)
        && string.Equals(Connect, other.Connect, StringComparison.Ordinal) && string.Equals(Notify, other.Notify, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is WrapperOptionText other && Equals(other);

    public override int GetHashCode() =>
        unchecked((((StringComparer.Ordinal.GetHashCode(Ring) * 31) + StringComparer.Ordinal.GetHashCode(StatusRead)) * 31
            + StringComparer.Ordinal.GetHashCode(Connect)) * 31 + StringComparer.Ordinal.GetHashCode(Notify));
}

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>What an expression evaluates to, as far as the protocol is concerned.</summary>
internal enum ValueKind
{
    Other,

    /// <summary>A status read not yet stored anywhere (the consumer decides the holder).</summary>
    Read,

    /// <summary>A status already in a holder.</summary>
    Holder,

    /// <summary>A doorbell (or other tracked object) named by an access path.</summary>
    Key,

    /// <summary>A doorbell just created, disconnected.</summary>
    Created,
}

/// <summary>The value of an expression: its kind, and the key or holder it involves.</summary>
internal readonly struct WalkValue
{
    private WalkValue(ValueKind kind, AccessPath? path, int holder)
    {
        Kind = kind;
        Path = path;
        Holder = holder;
    }

    public static WalkValue Other => default;

    public static WalkValue Created => new(ValueKind.Created, null, -1);

    public ValueKind Kind { get; }

    public AccessPath? Path { get; }

    public int Holder { get; }

    public static WalkValue ReadOf(AccessPath path) => new(ValueKind.Read, path, -1);

    public static WalkValue HolderOf(int holder) => new(ValueKind.Holder, null, holder);

    public static WalkValue KeyOf(AccessPath path) => new(ValueKind.Key, path, -1);
}

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
    private WalkValue(ValueKind kind, AccessPath? path, int holder, int site = -1)
    {
        Kind = kind;
        Path = path;
        Holder = holder;
        Site = site;
    }

    public static WalkValue Other => default;

    /// <summary>A doorbell just created, at the numbered place <paramref name="site"/> (what DBL005 points back at).</summary>
    public static WalkValue CreatedAt(int site) => new(ValueKind.Created, null, -1, site);

    public ValueKind Kind { get; }

    public AccessPath? Path { get; }

    public int Holder { get; }

    /// <summary>For <see cref="ValueKind.Created"/>: the site numbered for the creation (-1 when none).</summary>
    public int Site { get; }

    public static WalkValue ReadOf(AccessPath path) => new(ValueKind.Read, path, -1);

    public static WalkValue HolderOf(int holder) => new(ValueKind.Holder, null, holder);

    public static WalkValue KeyOf(AccessPath path) => new(ValueKind.Key, path, -1);
}

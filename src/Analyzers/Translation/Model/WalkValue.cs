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

    /// <summary>A bool, integer or enum constant (<see cref="WalkValue.Constant"/>), which a derived variable can hold.</summary>
    Constant,

    /// <summary>A condition on the status in <see cref="WalkValue.Holder"/>, true for the statuses of <see cref="WalkValue.Mask"/>.</summary>
    StatusTest,

    /// <summary>The value of derived variable <see cref="WalkValue.Variable"/>, negated when <see cref="WalkValue.Negated"/>.</summary>
    Derived,
}

/// <summary>The value of an expression: its kind, and the key or holder it involves.</summary>
internal readonly struct WalkValue
{
    private WalkValue(ValueKind kind, AccessPath? path, int holder, int site = -1, long constant = 0, byte mask = 0, bool negated = false, int element = -1)
    {
        _element = element + 1;
        Constant = constant;
        Mask = mask;
        Negated = negated;
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

    /// <summary>For <see cref="ValueKind.Constant"/>: the value (a bool as 0 or 1).</summary>
    public long Constant { get; }

    /// <summary>For <see cref="ValueKind.StatusTest"/>: the statuses for which the condition is true.</summary>
    public byte Mask { get; }

    /// <summary>For <see cref="ValueKind.Derived"/>: the variable's value is negated (a bool).</summary>
    public bool Negated { get; }

    /// <summary>For <see cref="ValueKind.Derived"/>: the variable.</summary>
    public int Variable => Holder;

    // The tuple element plus one, so that the default value says "no element".
    private readonly int _element;

    /// <summary>For <see cref="ValueKind.Holder"/>: the element of a tuple that the held status is (a helper's <c>(status, fence)</c>), or -1 for the value itself.</summary>
    public int Element => _element - 1;

    /// <summary>A tuple whose element <paramref name="element"/> is the status in <paramref name="holder"/>.</summary>
    public static WalkValue TupleHolderOf(int holder, int element) => new(ValueKind.Holder, null, holder, element: element);

    public static WalkValue ConstantOf(long value) => new(ValueKind.Constant, null, -1, constant: value);

    public static WalkValue StatusTestOf(int holder, byte whenTrue) => new(ValueKind.StatusTest, null, holder, mask: whenTrue);

    public static WalkValue DerivedOf(int variable, bool negated) => new(ValueKind.Derived, null, variable, negated: negated);

    public static WalkValue ReadOf(AccessPath path) => new(ValueKind.Read, path, -1);

    public static WalkValue HolderOf(int holder) => new(ValueKind.Holder, null, holder);

    public static WalkValue KeyOf(AccessPath path) => new(ValueKind.Key, path, -1);
}

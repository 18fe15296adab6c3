using DoorbellGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>Which keys an event touches, decided once every key of the method is known.</summary>
internal enum RawScope
{
    /// <summary>Exactly the key <see cref="RawEvent.Path"/>.</summary>
    Exact,

    /// <summary>Every key at or under <see cref="RawEvent.Path"/> (assigning <c>_q</c> replaces <c>_q.Doorbell</c>).</summary>
    Prefix,

    /// <summary>Every key whose root a lambda or local function of the method uses.</summary>
    Captured,

    /// <summary>Every key rooted at a static member of <see cref="RawEvent.Type"/>.</summary>
    StaticOfType,

    /// <summary>Every key rooted at a static member.</summary>
    AllStatic,

    /// <summary>Every key rooted at <c>this</c> that the helper <see cref="RawEvent.Callee"/> may touch.</summary>
    ThisTouchedBy,

    /// <summary>Every key that names a D3DKMT create structure (a raw connect or notify whose doorbell is not known).</summary>
    RawDoorbells,

    /// <summary>Holder events: no key.</summary>
    None,
}

/// <summary>A model event before keys are numbered: it names an access path.</summary>
internal readonly struct RawEvent
{
    public RawEvent(ProtocolEventKind kind, RawScope scope, AccessPath? path = null, int site = -1, int holder = -1, int sourceHolder = -1, bool created = false, ITypeSymbol? type = null, byte mask = StatusMask.All, IMethodSymbol? callee = null, AccessPath? aliasOf = null, ulong table = 0)
    {
        Table = table;
        AliasOf = aliasOf;
        Callee = callee;
        Mask = mask;
        Kind = kind;
        Scope = scope;
        Path = path;
        Site = site;
        Holder = holder;
        SourceHolder = sourceHolder;
        Created = created;
        Type = type;
    }

    public ProtocolEventKind Kind { get; }

    public RawScope Scope { get; }

    public AccessPath? Path { get; }

    public int Site { get; }

    public int Holder { get; }

    public int SourceHolder { get; }

    public bool Created { get; }

    public ITypeSymbol? Type { get; }

    public byte Mask { get; }

    public IMethodSymbol? Callee { get; }

    /// <summary>For the derived-variable events: the code or the table of codes (<see cref="DerivedValues"/>).</summary>
    public ulong Table { get; }

    /// <summary>Derived variable <paramref name="variable"/> gets code <paramref name="code"/> (0: unknown).</summary>
    public static RawEvent DerivedSet(int variable, int code) => new(ProtocolEventKind.DerivedSet, RawScope.None, holder: variable, table: (ulong)code);

    public static RawEvent DerivedFromStatus(int variable, int holder, ulong table) => new(ProtocolEventKind.DerivedFromStatus, RawScope.None, holder: variable, sourceHolder: holder, table: table);

    public static RawEvent DerivedFromDerived(int variable, int source, ulong table) => new(ProtocolEventKind.DerivedFromDerived, RawScope.None, holder: variable, sourceHolder: source, table: table);

    /// <summary>An event about derived variables (whose holder fields number variables, not holders).</summary>
    public bool IsDerived => Kind is ProtocolEventKind.DerivedSet or ProtocolEventKind.DerivedFromStatus or ProtocolEventKind.DerivedFromDerived;

    /// <summary>On an <see cref="ProtocolEventKind.Assign"/> to a local: the key whose doorbell the local now names too (<c>var d2 = d;</c>).</summary>
    public AccessPath? AliasOf { get; }

    /// <summary>The same event on another path.</summary>
    public RawEvent WithPath(AccessPath path) => new(Kind, Scope, path, Site, Holder, SourceHolder, Created, Type, Mask, Callee);
}

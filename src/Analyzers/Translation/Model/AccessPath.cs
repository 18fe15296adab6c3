using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>What an access path starts from.</summary>
internal enum AccessRootKind
{
    Local,
    Parameter,

    /// <summary><c>this</c> (explicit or implicit): <c>_d</c> and <c>this._d</c> are the same path.</summary>
    This,

    /// <summary>A static field or property.</summary>
    Static,
}

/// <summary>
/// Which doorbell: a root (local, parameter, this, static member) plus up to <see cref="MaxSteps"/> field or
/// argument-less property steps. Two paths are the same doorbell when they name the same symbols.
/// </summary>
internal sealed class AccessPath : System.IEquatable<AccessPath>
{
    public const int MaxSteps = 3;

    private AccessPath(AccessRootKind kind, ISymbol? root, ImmutableArray<ISymbol> steps)
    {
        Kind = kind;
        Root = root;
        Steps = steps;
    }

    public AccessRootKind Kind { get; }

    /// <summary>The local, parameter or static member; null for <c>this</c>.</summary>
    public ISymbol? Root { get; }

    public ImmutableArray<ISymbol> Steps { get; }

    public static AccessPath ForLocal(ILocalSymbol local) => new(AccessRootKind.Local, local, ImmutableArray<ISymbol>.Empty);

    public static AccessPath ForParameter(IParameterSymbol parameter) => new(AccessRootKind.Parameter, parameter, ImmutableArray<ISymbol>.Empty);

    public static AccessPath ForThis() => new(AccessRootKind.This, null, ImmutableArray<ISymbol>.Empty);

    public static AccessPath ForStatic(ISymbol member) => new(AccessRootKind.Static, member.OriginalDefinition, ImmutableArray<ISymbol>.Empty);

    /// <summary>The path one member further, or null past <see cref="MaxSteps"/>.</summary>
    public AccessPath? Then(ISymbol member) =>
        Steps.Length >= MaxSteps ? null : new AccessPath(Kind, Root, Steps.Add(member.OriginalDefinition));

    /// <summary>True when this path is <paramref name="other"/> or lies under it (<c>_q.Doorbell</c> under <c>_q</c>).</summary>
    public bool StartsWith(AccessPath other)
    {
        if (Kind != other.Kind || !SymbolEqualityComparer.Default.Equals(Root, other.Root) || Steps.Length < other.Steps.Length)
            return false;
        for (var i = 0; i < other.Steps.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(Steps[i], other.Steps[i]))
                return false;
        }

        return true;
    }

    public bool Equals(AccessPath? other) => other is not null && other.Steps.Length == Steps.Length && StartsWith(other);

    public override bool Equals(object? obj) => Equals(obj as AccessPath);

    public override int GetHashCode()
    {
        var hash = (int)Kind * 7919 + (Root is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(Root));
        foreach (var step in Steps)
            hash = unchecked(hash * 31 + SymbolEqualityComparer.Default.GetHashCode(step));
        return hash;
    }

    public override string ToString() => (Root?.Name ?? "this") + (Steps.IsEmpty ? "" : "." + string.Join(".", Steps));
}

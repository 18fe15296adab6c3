using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// A helper's summary: the protocol model of its body (blocks, edges, events on the keys it names, aliases already
/// resolved), in terms of its own parameters, this and statics, ready to be inlined at each call with those mapped to
/// the caller's arguments and receiver. Immutable once built; cached per compilation.
/// </summary>
internal sealed class HelperModel
{
    public HelperModel(IMethodSymbol method, RawModel model, int exit, int holderCount, int returnHolder, IReadOnlyDictionary<IParameterSymbol, int> parameterHolders, bool hasRing,
        IReadOnlyList<IReadOnlyList<long>> derivedValues, int returnVariable, int returnElement)
    {
        ReturnElement = returnElement;
        DerivedValues = derivedValues;
        ReturnVariable = returnVariable;
        Method = method;
        Model = model;
        Exit = exit;
        HolderCount = holderCount;
        ReturnHolder = returnHolder;
        ParameterHolders = parameterHolders;
        HasRing = hasRing;
    }

    public IMethodSymbol Method { get; }

    /// <summary>Block 0 is the entry; <see cref="Exit"/> is where the helper returns normally.</summary>
    public RawModel Model { get; }

    public int Exit { get; }

    /// <summary>Holders 0 to this count minus one are the helper's own (the scratch holder is shared).</summary>
    public int HolderCount { get; }

    /// <summary>The holder a returned status goes to, or -1 when the helper returns none.</summary>
    public int ReturnHolder { get; }

    /// <summary>When the helper returns a tuple (<c>(status, fence)</c>): the element <see cref="ReturnHolder"/>'s status is; -1 otherwise.</summary>
    public int ReturnElement { get; }

    /// <summary>The holders of the helper's status parameters: a caller's status handed over arrives there.</summary>
    public IReadOnlyDictionary<IParameterSymbol, int> ParameterHolders { get; }

    /// <summary>The helper rings (itself or through its own helpers): a caller that calls it rings.</summary>
    public bool HasRing { get; }

    /// <summary>The helper's derived variables, each with the values its codes stand for (a caller's copy keeps the codes).</summary>
    public IReadOnlyList<IReadOnlyList<long>> DerivedValues { get; }

    /// <summary>The derived variable a returned bool, enum or integer goes to (a classifier's answer), or -1.</summary>
    public int ReturnVariable { get; }
}

/// <summary>Where helper summaries come from: built once per helper and compilation (the analyzer's cache), or none.</summary>
internal interface IHelperModels
{
    /// <summary>
    /// The summary of <paramref name="method"/>, its own calls followed <paramref name="depth"/> - 1 levels further;
    /// null when it has none (no body here, too big, recursive, or its body needs what summaries leave out).
    /// </summary>
    HelperModel? Get(IMethodSymbol method, int depth, System.Threading.CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="method"/> is called by name somewhere its accessibility lets it be (its type for a
    /// private method, the compilation for an internal one, its container for a local function), other than by itself:
    /// a helper, whose callers check what it leaves. One never called (an event handler, a callback) checks itself.
    /// </summary>
    bool HasCallers(IMethodSymbol method, System.Threading.CancellationToken cancellationToken);

    /// <summary>Where a factory <paramref name="method"/> creates the doorbell it returns unconnected (<see cref="FactoryCreation"/>); null when it is no such factory.</summary>
    Location? UnconnectedCreation(IMethodSymbol method, System.Threading.CancellationToken cancellationToken);

    /// <summary>Where <paramref name="method"/> is called in this compilation (empty when nowhere we can see).</summary>
    System.Collections.Immutable.ImmutableArray<Location> CallsOf(IMethodSymbol method, System.Threading.CancellationToken cancellationToken);
}

using System;
using System.Collections.Generic;
using System.Threading;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DoorbellGuard.Analyzers.Registration;

/// <summary>
/// Which code can ring, by name, for a whole compilation: every ring is a call or property access that names a ring
/// member (<c>Ring</c>, a <c>[DoorbellRing]</c> wrapper, a configured ring method) or a helper whose body names one (to
/// the helper depth followed). The index finds those names in the source text once, so that a method whose text names
/// none of them is passed over without its operation tree being walked: most methods of most projects.
/// Only helpers that leave what they do to their callers are followed to their callers: a method that is not public,
/// or is in a type that is not (<see cref="Translation.HelperCalls.LeavesObligationsToCallers"/>); a public helper
/// answers for its rings in its own body, and a local function's callers are in the body that holds it. A creation
/// (<c>CreateDoorbell</c>) is searched too, since a ring before connect is reported where the doorbell was created.
/// </summary>
internal sealed class RingNameIndex
{
    /// <summary>Past this many names the index stops narrowing (every method is scanned, as without it).</summary>
    public const int MaxNames = 64;

    /// <summary>The index that narrows nothing: every method may ring.</summary>
    public static readonly RingNameIndex Everything = new(null, Array.Empty<string>(), null, null);

    private static readonly HashSet<string> s_noNames = new(StringComparer.Ordinal);

    private readonly Dictionary<SyntaxTree, int[]>? _occurrences;
    private readonly HashSet<string>? _ringMembers;
    private readonly Dictionary<SyntaxTree, int[]>? _addressOccurrences;

    private RingNameIndex(Dictionary<SyntaxTree, int[]>? occurrences, IReadOnlyCollection<string> names, HashSet<string>? ringMembers, Dictionary<SyntaxTree, int[]>? addressOccurrences)
    {
        _occurrences = occurrences;
        Names = names;
        _ringMembers = ringMembers;
        _addressOccurrences = addressOccurrences;
    }

    /// <summary>Whether a member named <paramref name="name"/> may be a ring member itself (a wrapper whose own body is not checked for its ring).</summary>
    public bool MayBeRingMember(string name) => _ringMembers is null || _ringMembers.Contains(name);

    /// <summary>The names searched for (the ring members', then the helpers'); empty for <see cref="Everything"/>.</summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>Whether code in <paramref name="span"/> of <paramref name="tree"/> names a ring member or a helper that may ring.</summary>
    public bool MayRing(SyntaxTree tree, TextSpan span)
    {
        return _occurrences is null || AnyIn(_occurrences, tree, span);
    }

    /// <summary>
    /// Whether code in <paramref name="span"/> of <paramref name="tree"/> names a doorbell address of raw D3DKMT code
    /// (<c>DoorbellCPUVirtualAddress</c>): only such code, and ring wrappers, can hold a doorbell store of DBL006.
    /// </summary>
    public bool MayNameDoorbellAddress(SyntaxTree tree, TextSpan span) =>
        _addressOccurrences is null ? _occurrences is null : AnyIn(_addressOccurrences, tree, span);

    private static bool AnyIn(Dictionary<SyntaxTree, int[]> occurrences, SyntaxTree tree, TextSpan span)
    {
        if (!occurrences.TryGetValue(tree, out var positions))
            return false;
        var index = Array.BinarySearch(positions, span.Start);
        if (index < 0)
            index = ~index;
        return index < positions.Length && positions[index] < span.End;
    }

    /// <summary>Each tree with its text as one string, read once for every search of the index.</summary>
    public static List<TreeText> ReadSources(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var sources = new List<TreeText>();
        foreach (var tree in trees)
            sources.Add(new TreeText(tree, tree.GetText(cancellationToken).ToString()));
        return sources;
    }

    /// <summary>
    /// Searches the compilation's text for <paramref name="ringNames"/> and, <paramref name="helperDepth"/> times, for
    /// the names of the methods and local functions whose bodies name one found before. Null ring names (an indexer
    /// rings, which no name calls) or more than <see cref="MaxNames"/> names give an index that narrows no ring.
    /// <paramref name="addressNames"/> (raw doorbell addresses) are searched in the first pass and kept apart (<see cref="MayNameDoorbellAddress"/>).
    /// </summary>
    public static RingNameIndex Build(IReadOnlyList<TreeText> sources, IReadOnlyCollection<string>? ringNames, IReadOnlyCollection<string> creationNames, int helperDepth, CancellationToken cancellationToken, IReadOnlyCollection<string>? addressNames = null)
    {
        var addresses = new HashSet<string>(addressNames ?? Array.Empty<string>(), StringComparer.Ordinal);
        var addressPositions = new Dictionary<SyntaxTree, List<int>>();
        if (ringNames is null)
            return EverythingRings(sources, addresses, addressPositions, cancellationToken);

        var ringMembers = new HashSet<string>(ringNames, StringComparer.Ordinal);
        var all = new HashSet<string>(ringNames, StringComparer.Ordinal);
        var positions = new Dictionary<SyntaxTree, List<int>>();
        var found = new List<(int Position, string Name)>();
        // A creation is searched with the ring names, in the same pass, but its callers are not.
        var frontier = new List<string>(ringNames);
        foreach (var name in creationNames)
        {
            if (all.Add(name))
                frontier.Add(name);
        }

        for (var level = 0; frontier.Count > 0 || (level == 0 && addresses.Count > 0); level++)
        {
            // The addresses go through the first pass with the ring names, at the cost of none.
            var searchedNames = new IdentifierNames(level == 0 ? Concat(frontier, addresses) : frontier);
            var next = new List<string>();
            foreach (var (tree, text) in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                found.Clear();
                searchedNames.FindIn(text, found);
                if (level == 0)
                    MoveAddresses(tree, found, addresses, all, addressPositions);
                if (found.Count == 0)
                    continue;
                if (!positions.TryGetValue(tree, out var list))
                    positions[tree] = list = new List<int>();
                foreach (var hit in found)
                    list.Add(hit.Position);
                if (level >= helperDepth)
                    continue;
                var root = tree.GetRoot(cancellationToken);
                var searched = default(TextSpan);
                foreach (var hit in found)
                {
                    // Hits come in text order: the rest of a method already looked at needs no second look.
                    if (searched.Contains(hit.Position) || (level == 0 && !ringMembers.Contains(hit.Name)))
                        continue;
                    // A method, or a property whose accessors are followed like methods.
                    var member = root.FindToken(hit.Position).Parent?.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax);
                    if (member is null)
                        continue;
                    searched = member.Span;
                    var name = member is MethodDeclarationSyntax method ? method.Identifier.ValueText : ((PropertyDeclarationSyntax)member).Identifier.ValueText;
                    if (LeavesRingsToCallers(member) && all.Add(name))
                        next.Add(name);
                }
            }

            if (all.Count > MaxNames)
                return addresses.Count == 0 ? Everything : new RingNameIndex(null, Array.Empty<string>(), null, Sorted(addressPositions));
            frontier = next;
        }

        return new RingNameIndex(Sorted(positions), all, ringMembers, Sorted(addressPositions));
    }

    /// <summary>No ring narrowed (an indexer rings): only the addresses are searched, in a pass of their own.</summary>
    private static RingNameIndex EverythingRings(IReadOnlyList<TreeText> sources, HashSet<string> addresses, Dictionary<SyntaxTree, List<int>> addressPositions, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
            return Everything;
        var names = new IdentifierNames(addresses);
        var found = new List<(int Position, string Name)>();
        foreach (var (tree, text) in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.Clear();
            names.FindIn(text, found);
            MoveAddresses(tree, found, addresses, s_noNames, addressPositions);
        }

        return new RingNameIndex(null, Array.Empty<string>(), null, Sorted(addressPositions));
    }

    private static IEnumerable<string> Concat(List<string> names, HashSet<string> more)
    {
        foreach (var name in names)
            yield return name;
        foreach (var name in more)
            yield return name;
    }

    /// <summary>
    /// Records the hits on an address name in <paramref name="addressPositions"/>, and takes them out of
    /// <paramref name="found"/> unless the name is also searched as a ring (<paramref name="searched"/>).
    /// </summary>
    private static void MoveAddresses(SyntaxTree tree, List<(int Position, string Name)> found, HashSet<string> addresses, HashSet<string> searched, Dictionary<SyntaxTree, List<int>> addressPositions)
    {
        if (addresses.Count == 0)
            return;
        found.RemoveAll(hit =>
        {
            if (!addresses.Contains(hit.Name))
                return false;
            if (!addressPositions.TryGetValue(tree, out var list))
                addressPositions[tree] = list = new List<int>();
            list.Add(hit.Position);
            return !searched.Contains(hit.Name);
        });
    }

    private static Dictionary<SyntaxTree, int[]> Sorted(Dictionary<SyntaxTree, List<int>> positions)
    {
        var occurrences = new Dictionary<SyntaxTree, int[]>(positions.Count);
        foreach (var pair in positions)
        {
            var sorted = pair.Value.ToArray();
            Array.Sort(sorted);
            occurrences[pair.Key] = sorted;
        }

        return occurrences;
    }

    /// <summary>
    /// The names of the members a <c>[DoorbellRing]</c> attribute in source marks (methods, properties, the property of
    /// an accessor); null when one marks an indexer, which no name calls.
    /// </summary>
    public static List<string>? AttributedRingNames(IReadOnlyList<TreeText> sources, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var attribute = new IdentifierNames([WrapperAttributes.Ring, WrapperAttributes.Ring + "Attribute"]);
        var found = new List<(int Position, string Name)>();
        foreach (var (tree, text) in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.Clear();
            attribute.FindIn(text, found);
            if (found.Count == 0)
                continue;
            var root = tree.GetRoot(cancellationToken);
            foreach (var hit in found)
            {
                var member = root.FindToken(hit.Position).Parent?.FirstAncestorOrSelf<AttributeSyntax>()?.Parent?.Parent;
                if (member is AccessorDeclarationSyntax accessor)
                    member = accessor.Parent?.Parent;
                switch (member)
                {
                    case MethodDeclarationSyntax method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case IndexerDeclarationSyntax:
                        return null;
                }
            }
        }

        return names;
    }

    /// <summary>
    /// Raw D3DKMT code: the doorbell address names, and the names of what they are copied into
    /// (<c>_bell = (ulong*)create.DoorbellCPUVirtualAddress;</c>), through which other methods ring.
    /// </summary>
    public static List<string> RawRingNames(IReadOnlyList<TreeText> sources, CancellationToken cancellationToken)
    {
        var names = new List<string>(RawD3dkmt.RingNames);
        var addresses = new IdentifierNames(RawD3dkmt.RingNames);
        var found = new List<(int Position, string Name)>();
        foreach (var (tree, text) in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.Clear();
            addresses.FindIn(text, found);
            if (found.Count == 0)
                continue;
            var root = tree.GetRoot(cancellationToken);
            foreach (var hit in found)
            {
                var assignment = root.FindToken(hit.Position).Parent?.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
                var copiedInto = assignment?.Left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (copiedInto is not null)
                    names.Add(copiedInto);
            }
        }

        return names;
    }

    /// <summary>
    /// Whether the callers of <paramref name="member"/> answer for what it does to the doorbells they hand it: not for a
    /// method that is public in public types (it answers in its own body), unless it returns a value or has <c>out</c> or
    /// <c>ref</c> parameters (a status it hands back is its callers' to handle). Read from the syntax as written: a part
    /// without modifiers counts as not public (more to search, never a miss). A property's accessors are followed too.
    /// </summary>
    private static bool LeavesRingsToCallers(MemberDeclarationSyntax member)
    {
        if (!IsPublic(member.Modifiers, defaultPublic: member.Parent is InterfaceDeclarationSyntax) || member is not MethodDeclarationSyntax method || MayHandBack(method))
            return true;
        for (var type = member.Parent as TypeDeclarationSyntax; type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            if (!IsPublic(type.Modifiers, defaultPublic: false))
                return true;
        }

        return false;
    }

    private static bool MayHandBack(MethodDeclarationSyntax method)
    {
        if (method.ReturnType is not PredefinedTypeSyntax { Keyword.ValueText: "void" })
            return true;
        foreach (var parameter in method.ParameterList.Parameters)
        {
            foreach (var modifier in parameter.Modifiers)
            {
                if (modifier.ValueText is "out" or "ref")
                    return true;
            }
        }

        return false;
    }

    /// <summary>Public, protected or protected internal: visible outside the compilation.</summary>
    private static bool IsPublic(SyntaxTokenList modifiers, bool defaultPublic)
    {
        bool @public = false, @protected = false, @private = false, @internal = false;
        foreach (var modifier in modifiers)
        {
            switch (modifier.ValueText)
            {
                case "public":
                    @public = true;
                    break;
                case "protected":
                    @protected = true;
                    break;
                case "private":
                    @private = true;
                    break;
                case "internal":
                    @internal = true;
                    break;
            }
        }

        if (@private || (@internal && !@protected))
            return false;
        return @public || @protected || defaultPublic;
    }
}

/// <summary>A syntax tree with its whole text, as the ring-name index searches it.</summary>
internal readonly struct TreeText
{
    public TreeText(SyntaxTree tree, string text)
    {
        Tree = tree;
        Text = text;
    }

    public SyntaxTree Tree { get; }

    public string Text { get; }

    public void Deconstruct(out SyntaxTree tree, out string text)
    {
        tree = Tree;
        text = Text;
    }
}

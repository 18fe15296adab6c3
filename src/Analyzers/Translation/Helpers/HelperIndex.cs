using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Decides whether an instance helper called on <c>this</c> may touch a field-rooted doorbell: only when its source
/// names that member, or names another member of its type (it may call on), or we cannot see its source at all.
/// A syntactic over-approximation: it may say yes too often (then we stay silent), never no wrongly within one type.
/// </summary>
internal sealed class HelperIndex
{
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IMethodSymbol, HashSet<string>?> _namesByMethod = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, HashSet<string>> _membersByType = new(SymbolEqualityComparer.Default);

    public HelperIndex(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public bool MayTouch(IMethodSymbol helper, AccessPath key)
    {
        if (key.Steps.IsEmpty)
            return true;
        var names = NamesIn(helper.OriginalDefinition);
        if (names is null || names.Contains(key.Steps[0].Name))
            return true;
        foreach (var member in MemberNames(helper.ContainingType))
        {
            if (member != helper.Name && names.Contains(member))
                return true;
        }

        return false;
    }

    /// <summary>The identifiers in the helper's source; null when it has none we can trust (metadata, virtual, extern).</summary>
    private HashSet<string>? NamesIn(IMethodSymbol helper)
    {
        if (_namesByMethod.TryGetValue(helper, out var names))
            return names;
        names = null;
        if (!helper.IsVirtual && !helper.IsAbstract && !helper.IsOverride && !helper.IsExtern && !helper.DeclaringSyntaxReferences.IsEmpty)
        {
            names = new HashSet<string>();
            foreach (var reference in helper.DeclaringSyntaxReferences)
            {
                foreach (var token in reference.GetSyntax(_cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                        names.Add(token.ValueText);
                }
            }
        }

        _namesByMethod[helper] = names;
        return names;
    }

    /// <summary>The names of the methods, properties and events of a type and its bases: what a helper may call on.</summary>
    private HashSet<string> MemberNames(INamedTypeSymbol? type)
    {
        if (type is null)
            return new HashSet<string>();
        if (_membersByType.TryGetValue(type, out var names))
            return names;
        names = new HashSet<string>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member.Kind is SymbolKind.Method or SymbolKind.Property or SymbolKind.Event && !member.IsImplicitlyDeclared)
                    names.Add(member.Name);
            }
        }

        _membersByType[type] = names;
        return names;
    }
}
